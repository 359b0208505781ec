using ECampus.Content;
using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Packs;

/// <summary>Every pack folder, what is served from it, and each problem of its last load, for authors and administrators.</summary>
public sealed record ListPackReports : IQuery<PackReports>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.AuthorCourses);
}

/// <param name="Generation">The catalog's generation these reports come from; it grows with every reload.</param>
/// <param name="Roots">The configured pack folders; each sub-folder of one is a pack.</param>
/// <param name="Folders">One entry per pack folder, by path.</param>
public sealed record PackReports(long Generation, IReadOnlyList<string> Roots, IReadOnlyList<PackFolderView> Folders);

/// <param name="Errors">Errors of the last attempt; when the state is serving-last-good, the new version's.</param>
public sealed record PackFolderView(
    string Folder,
    PackState State,
    string? PackId,
    string? Title,
    string? Version,
    string? ContentHash,
    DateTimeOffset? LoadedAt,
    DateTimeOffset LastAttemptAt,
    int Errors,
    int Warnings,
    IReadOnlyList<PackDiagnosticView> Diagnostics);

/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="File">Relative to the pack folder, forward slashes; empty when the problem concerns the whole folder.</param>
/// <param name="Line">1-based, or 0 for the whole file.</param>
/// <param name="Column">1-based, or 0 for the whole line.</param>
public sealed record PackDiagnosticView(string Severity, string Code, string File, int Line, int Column, string Message, string? Hint);

public sealed class ListPackReportsHandler(PackCatalog catalog) : IQueryHandler<ListPackReports, PackReports>
{
    public ValueTask<PackReports> Handle(ListPackReports query, CancellationToken cancellationToken)
    {
        var snapshot = catalog.Snapshot;
        return ValueTask.FromResult(new PackReports(snapshot.Generation, catalog.Roots, [.. snapshot.Reports.Select(View)]));
    }

    private static PackFolderView View(PackFolderReport report) =>
        new(report.Folder, report.State, report.PackId, report.Title, report.Version, report.ContentHash, report.LoadedAt, report.LastAttemptAt,
            report.ErrorCount, report.WarningCount,
            [.. DiagnosticReport.Sort(report.Diagnostics).Select(d => new PackDiagnosticView(
                d.IsError ? "error" : "warning", d.Code, d.File, d.Line, d.Column, d.Message, d.Hint))]);
}
