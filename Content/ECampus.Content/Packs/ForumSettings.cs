namespace ECampus.Content;

/// <summary>Who leads forum discussions (pack.yml <c>forum.facilitation</c>).</summary>
public enum Facilitation
{
    /// <summary><c>tutor</c>: tutors moderate and answer.</summary>
    Tutor,

    /// <summary><c>self</c>: learners run the discussion themselves.</summary>
    Self,
}

/// <summary>Forum settings (pack.yml <c>forum</c>).</summary>
/// <param name="CourseForum">Whether the course has a general forum.</param>
/// <param name="ModuleDiscussions">Whether each module gets its own discussion.</param>
/// <param name="Facilitation">Tutor- or self-facilitated.</param>
public sealed record ForumSettings(bool CourseForum, bool ModuleDiscussions, Facilitation Facilitation);
