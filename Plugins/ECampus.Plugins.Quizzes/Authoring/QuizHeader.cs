namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>What the front matter says: id, title and settings.</summary>
internal sealed record QuizHeader(string? Id, string? Title, QuizSettings Settings);
