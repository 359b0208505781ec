namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>A quiz written as GIFT, with what could not be written.</summary>
/// <param name="Text">The GIFT text.</param>
/// <param name="Skipped">Questions left out because GIFT cannot express their type.</param>
/// <param name="Notes">Details that were written but lose something (points, case sensitivity, quiz settings).</param>
public sealed record GiftExport(string Text, IReadOnlyList<SkippedQuestion> Skipped, IReadOnlyList<ExportNote> Notes);

/// <summary>A question GIFT cannot hold.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Type">Its type.</param>
/// <param name="Reason">Why it was left out.</param>
public sealed record SkippedQuestion(string QuestionId, QuestionType Type, string Reason);

/// <summary>Something the export could not carry over exactly.</summary>
/// <param name="QuestionId">The question concerned, or null for the quiz as a whole.</param>
/// <param name="Message">What is lost.</param>
public sealed record ExportNote(string? QuestionId, string Message);
