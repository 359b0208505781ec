namespace ECampus.Content;

/// <summary>
/// A file under <c>assets/</c>. <see cref="ContentHash"/> is computed at load time; serve the file only
/// while it still matches (see <see cref="OpenRead"/>), so a response is always wholly one pack version.
/// </summary>
public sealed record PackAsset
{
    /// <summary>Path relative to the pack, e.g. <c>assets/diagram.png</c>.</summary>
    public required string RelativePath { get; init; }

    /// <summary>Absolute path on disk (checked to be inside the pack, not a link).</summary>
    public required string FullPath { get; init; }

    /// <summary>Size in bytes at load time.</summary>
    public required long Length { get; init; }

    /// <summary>MIME type from the extension; <c>application/octet-stream</c> when unknown.</summary>
    public required string ContentType { get; init; }

    /// <summary>Lower-case hex SHA-256 of the bytes at load time.</summary>
    public required string ContentHash { get; init; }

    /// <summary>A strong ETag derived from <see cref="ContentHash"/>, quotes included.</summary>
    public string ETag => $"\"{ContentHash[..32]}\"";

    /// <summary>True for types a browser could execute or navigate into (SVG); serve those with a sandboxing CSP.</summary>
    public bool IsActiveContent => ContentType == "image/svg+xml";

    /// <summary>
    /// Opens the file for reading, or returns null when it has changed since load (size differs) or has been
    /// replaced by a symbolic link. The caller still owns cache headers and the hash check if it wants one.
    /// </summary>
    public Stream? OpenRead()
    {
        var info = new FileInfo(FullPath);
        if (!info.Exists || info.LinkTarget is not null || info.Length != Length)
        {
            return null;
        }

        return new FileStream(FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
    }
}
