namespace ECampus.Content;

/// <summary>
/// Size and shape limits checked before anything is parsed, so a hostile or broken pack costs little and
/// cannot exhaust memory or the stack.
/// </summary>
/// <param name="MaxTextFileBytes">Largest pack.yml, module or activity file.</param>
/// <param name="MaxAssetBytes">Largest single asset.</param>
/// <param name="MaxPackBytes">All files together.</param>
/// <param name="MaxFiles">Number of files.</param>
/// <param name="MaxFolderDepth">Folder levels below the pack root.</param>
/// <param name="MaxNestingDepth">Nesting of quotes, lists, blocks, brackets and HTML tags in Markdown.</param>
public sealed record PackLimits(
    int MaxTextFileBytes = 1024 * 1024,
    long MaxAssetBytes = 10 * 1024 * 1024,
    long MaxPackBytes = 200 * 1024 * 1024,
    int MaxFiles = 2000,
    int MaxFolderDepth = 8,
    int MaxNestingDepth = 32)
{
    /// <summary>1 MB text files, 10 MB assets, 200 MB and 2,000 files per pack, 8 folder levels, nesting 32.</summary>
    public static PackLimits Default { get; } = new();
}
