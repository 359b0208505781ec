using System.Text.Json.Serialization;
using ECampus.Content;

namespace ECampus.Engine.Courses;

/// <summary>What the site does with one pack folder after its last load attempt.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PackState>))]
public enum PackState
{
    /// <summary>The last attempt validated and that version is served.</summary>
    [JsonStringEnumMemberName("serving")]
    Serving,

    /// <summary>The last attempt failed; the version that validated before it keeps serving.</summary>
    [JsonStringEnumMemberName("serving-last-good")]
    ServingLastGood,

    /// <summary>Nothing from this folder is served: it never validated, or another folder already serves its id.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>The folder was deleted; its pack is no longer served.</summary>
    [JsonStringEnumMemberName("removed")]
    Removed,
}

/// <summary>One pack folder as authors see it on <c>/author</c> and in <c>GET /api/v1/admin/packs</c>.</summary>
/// <param name="Folder">Absolute path of the pack folder.</param>
/// <param name="State">Whether a version of it is served.</param>
/// <param name="PackId">The id served from the folder (or, when failed or removed, the id it had), when known.</param>
/// <param name="Title">Title of the served version.</param>
/// <param name="Version">Author's version string of the served version.</param>
/// <param name="ContentHash">Content hash of the served version.</param>
/// <param name="LoadedAt">When the served version was loaded.</param>
/// <param name="LastAttemptAt">When the folder was last loaded, successfully or not.</param>
/// <param name="Diagnostics">Every error and warning of the last attempt; files are relative to <paramref name="Folder"/>.</param>
public sealed record PackFolderReport(
    string Folder,
    PackState State,
    string? PackId,
    string? Title,
    string? Version,
    string? ContentHash,
    DateTimeOffset? LoadedAt,
    DateTimeOffset LastAttemptAt,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}
