namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// How question text, options and feedback are written. The engine renders each accordingly; HTML comes
/// from authors' GIFT files and must go through the sanitiser like any untrusted text.
/// </summary>
public enum TextFormat
{
    /// <summary>Markdown (every Markdown quiz; GIFT <c>[markdown]</c>).</summary>
    Markdown,

    /// <summary>HTML (GIFT <c>[html]</c>): untrusted, sanitise before display.</summary>
    Html,

    /// <summary>Plain text (GIFT <c>[plain]</c>): show as text.</summary>
    Plain,

    /// <summary>Moodle's auto-format (GIFT default or <c>[moodle]</c>): plain text with line breaks kept.</summary>
    Moodle,
}
