namespace ECampus.Content.Loading;

/// <summary>A file found in the pack folder: path relative to the pack (forward slashes) and size.</summary>
internal sealed record ScannedFile(string RelativePath, string FullPath, long Length)
{
    public string Name => RelativePath[(RelativePath.LastIndexOf('/') + 1)..];

    public string Extension => Path.GetExtension(RelativePath).ToLowerInvariant();
}

/// <summary>
/// Walks the pack folder without following links. Hidden entries (names starting with '.', such as
/// <c>.git</c>) are skipped entirely and never served. Symbolic links are refused, whatever they point
/// at: a link checked at load time can be re-pointed later. Stops early when a limit is passed, so a
/// folder with 100,000 files costs little.
/// </summary>
internal static class PackScanner
{
    public static List<ScannedFile> Scan(string root, PackLimits limits, DiagnosticBag diagnostics)
    {
        var files = new List<ScannedFile>();
        var total = 0L;
        var reportedDepth = false;
        var reportedSize = false;
        var pending = new Stack<(DirectoryInfo Directory, string Relative, int Depth)>();
        pending.Push((new DirectoryInfo(root), "", 0));
        while (pending.Count > 0)
        {
            var (directory, relative, depth) = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = directory.GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DiagnosticCodes.UnexpectedFile, SourcePoint.WholeFile(relative), $"The folder cannot be read: {e.Message}");
                continue;
            }

            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
                if (entry.LinkTarget is { } target)
                {
                    ReportLink(root, directory.FullName, path, target, diagnostics);
                    continue;
                }

                if (entry is DirectoryInfo subdirectory)
                {
                    if (depth + 1 > limits.MaxFolderDepth)
                    {
                        if (!reportedDepth)
                        {
                            diagnostics.Error(DiagnosticCodes.PackTooLarge, SourcePoint.WholeFile(path + "/"),
                                $"Folders are nested more than {limits.MaxFolderDepth} levels deep; deeper folders are not read.",
                                "Flatten the folder structure.");
                            reportedDepth = true;
                        }

                        continue;
                    }

                    pending.Push((subdirectory, path, depth + 1));
                    continue;
                }

                if (entry is not FileInfo file)
                {
                    continue;
                }

                if (files.Count >= limits.MaxFiles)
                {
                    diagnostics.Error(DiagnosticCodes.PackTooLarge, SourcePoint.WholeFile(path),
                        $"The pack has more than {limits.MaxFiles:N0} files; loading stopped here.",
                        "Split the course into several packs or remove unused files.");
                    return Sorted(files);
                }

                total += file.Length;
                if (total > limits.MaxPackBytes && !reportedSize)
                {
                    diagnostics.Error(DiagnosticCodes.PackTooLarge, SourcePoint.WholeFile(path),
                        $"The pack holds more than {limits.MaxPackBytes / (1024 * 1024):N0} MB of files.",
                        "Host large media (videos) elsewhere and link to them over https.");
                    reportedSize = true;
                }

                files.Add(new ScannedFile(path, file.FullName, file.Length));
            }
        }

        return Sorted(files);
    }

    private static List<ScannedFile> Sorted(List<ScannedFile> files)
    {
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    private static void ReportLink(string root, string directory, string path, string target, DiagnosticBag diagnostics)
    {
        var resolved = Path.GetFullPath(target, directory);
        var inside = resolved.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        diagnostics.Error(DiagnosticCodes.SymbolicLink, SourcePoint.WholeFile(path),
            inside
                ? $"'{path}' is a symbolic link; packs may not contain links."
                : $"'{path}' is a symbolic link to '{target}', which is outside the pack.",
            "Copy the file into the pack instead of linking to it.");
    }
}
