using Markdig.Extensions.CustomContainers;

namespace ECampus.Content.Rendering;

/// <summary>
/// The documented <c>:::</c> blocks: callouts (<c>note</c>, <c>tip</c>, <c>warning</c>), <c>objectives</c>
/// and <c>activity TYPE ID</c>. Anything else is an unknown block.
/// </summary>
internal static class CustomBlocks
{
    public const string Activity = "activity";

    public const string Objectives = "objectives";

    public static readonly IReadOnlyList<string> Callouts = ["note", "tip", "warning"];

    public static readonly IReadOnlyList<string> Names = ["note", "tip", "warning", Objectives, Activity];

    public static string NameOf(CustomContainer block) => (block.Info ?? "").Trim().ToLowerInvariant();

    public static bool IsCallout(string name) => Callouts.Contains(name);

    /// <summary>The words after the block name, e.g. "quiz pre" for <c>:::activity quiz pre</c>.</summary>
    public static string[] ArgumentsOf(CustomContainer block) =>
        (block.Arguments ?? "").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
