namespace ECampus.Content;

/// <summary>
/// The outcome of loading one pack folder: every diagnostic found, and the pack when there was no error.
/// Warnings never prevent a pack from loading.
/// </summary>
/// <param name="Directory">The folder that was loaded.</param>
/// <param name="Pack">The pack, or null when any diagnostic is an error.</param>
/// <param name="Diagnostics">All problems found, errors and warnings, sorted by file and position.</param>
public sealed record PackLoadResult(string Directory, Pack? Pack, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the pack loaded (no errors).</summary>
    public bool Succeeded => Pack is not null;

    /// <summary>Number of errors.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    /// <summary>Number of warnings.</summary>
    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}
