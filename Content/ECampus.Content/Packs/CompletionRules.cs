namespace ECampus.Content;

/// <summary>When a learner has completed the course (pack.yml <c>completion</c>).</summary>
/// <param name="Modules">Module ids that must be completed; empty means every module.</param>
/// <param name="Activities">Activity ids that must be completed (submitted, attended or passed as the plug-in decides).</param>
/// <param name="MinWebinarAttendancePercent">Share of webinars a learner must attend, 0–100.</param>
public sealed record CompletionRules(IReadOnlyList<string> Modules, IReadOnlyList<string> Activities, int MinWebinarAttendancePercent)
{
    /// <summary>Every module, nothing else.</summary>
    public static CompletionRules Default { get; } = new([], [], 0);

    /// <summary>True when every module must be completed.</summary>
    public bool AllModules => Modules.Count == 0;
}
