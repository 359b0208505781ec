namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>A quiz file to parse, with what its surroundings say about it.</summary>
/// <param name="Text">The whole file text (front matter included).</param>
/// <param name="FileName">The file name or pack-relative path; <c>.gift</c> files are read as GIFT.</param>
public sealed record QuizSource(string Text, string FileName = "quiz.md")
{
    /// <summary>The id to use when the front matter has none (the pack's id for the activity); else derived from the file name.</summary>
    public string? DefaultId { get; init; }

    /// <summary>The kind when the front matter has none, e.g. <see cref="QuizKind.Pre"/> for the pack's <c>assessment.pre</c>.</summary>
    public QuizKind? DefaultKind { get; init; }

    /// <summary>The language of the file (the pack language, or the translation folder's).</summary>
    public string Language { get; init; } = "en";
}
