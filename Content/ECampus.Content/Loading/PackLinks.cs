using ECampus.Content.Rendering;

namespace ECampus.Content.Loading;

/// <summary>What a URL written in a pack file points at.</summary>
internal enum LinkKind
{
    Empty,
    Fragment,
    External,
    Asset,
    Module,
    BadScheme,
    LeavesPack,
    Missing,
}

/// <summary>A resolved link: its kind, the pack path it resolves to, the "?query#fragment" tail, and a reason when it fails.</summary>
internal readonly record struct LinkTarget(LinkKind Kind, string Path = "", string Tail = "", string Reason = "");

/// <summary>
/// Resolves relative URLs in pack files the way a browser previewing the folder (e.g. on GitHub) would:
/// relative to the file's own folder. The result must stay inside the pack and name an asset or a module
/// file. Percent-encoding is decoded (repeatedly, to catch <c>%252e%252e</c>) before the check.
/// </summary>
internal static class PackLinks
{
    public static LinkTarget Resolve(string sourceFile, string url, Func<string, bool> isAsset, Func<string, bool> isModuleFile)
    {
        var normalized = UrlPolicy.Normalize(url);
        if (normalized.Length == 0)
        {
            return new LinkTarget(LinkKind.Empty);
        }

        if (normalized[0] == '#')
        {
            return new LinkTarget(LinkKind.Fragment, Tail: normalized);
        }

        if (normalized.StartsWith("//", StringComparison.Ordinal) || normalized.StartsWith(@"\\", StringComparison.Ordinal))
        {
            return new LinkTarget(LinkKind.LeavesPack, Reason: "is a network path");
        }

        if (UrlPolicy.SchemeOf(normalized) is { } scheme)
        {
            return scheme.Length == 1
                ? new LinkTarget(LinkKind.LeavesPack, Reason: "is an absolute Windows path")
                : UrlPolicy.IsAllowedScheme(scheme) ? new LinkTarget(LinkKind.External)
                : new LinkTarget(LinkKind.BadScheme, Reason: scheme);
        }

        var tailAt = normalized.IndexOfAny(['?', '#']);
        var rawPath = tailAt < 0 ? normalized : normalized[..tailAt];
        var tail = tailAt < 0 ? "" : normalized[tailAt..];
        var path = rawPath;
        for (var i = 0; i < 3; i++)
        {
            var decoded = Uri.UnescapeDataString(path);
            if (decoded == path)
            {
                break;
            }

            path = decoded;
        }

        if (path.StartsWith('/') || path.StartsWith('\\'))
        {
            return new LinkTarget(LinkKind.LeavesPack, Reason: "is an absolute path");
        }

        if (path.Contains('\\', StringComparison.Ordinal) || path.AsSpan().IndexOfAnyInRange('\0', '\u001F') >= 0)
        {
            return new LinkTarget(LinkKind.LeavesPack, Reason: "contains a backslash or control character");
        }

        var segments = new List<string>(sourceFile.Split('/')[..^1]);
        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (segments.Count == 0)
                    {
                        return new LinkTarget(LinkKind.LeavesPack, Reason: "goes above the pack folder with '..'");
                    }

                    segments.RemoveAt(segments.Count - 1);
                    continue;
                default:
                    segments.Add(segment);
                    continue;
            }
        }

        var resolved = string.Join('/', segments);
        if (isAsset(resolved))
        {
            return new LinkTarget(LinkKind.Asset, resolved, tail);
        }

        if (isModuleFile(resolved))
        {
            return new LinkTarget(LinkKind.Module, resolved, tail);
        }

        return new LinkTarget(LinkKind.Missing, resolved, tail);
    }

    /// <summary>Reports a link that is not usable from <paramref name="sourceFile"/>.</summary>
    public static void Check(string sourceFile, string url, bool isImage, SourcePoint at,
        Func<string, bool> isAsset, Func<string, bool> isModuleFile, DiagnosticBag diagnostics)
    {
        var what = isImage ? "Image" : "Link";
        var target = Resolve(sourceFile, url, isAsset, isModuleFile);
        switch (target.Kind)
        {
            case LinkKind.BadScheme:
                diagnostics.Error(DiagnosticCodes.UrlSchemeNotAllowed, at, $"{what} '{Shorten(url)}' uses the scheme '{target.Reason}:', which is not allowed.",
                    "Only http:, https: and mailto: links and relative paths are allowed.");
                break;
            case LinkKind.LeavesPack:
                diagnostics.Error(DiagnosticCodes.PathLeavesPack, at, $"{what} '{Shorten(url)}' {target.Reason}; packs may only reference their own files.",
                    "Put the file under assets/ and reference it with a relative path such as assets/file.png.");
                break;
            case LinkKind.Missing:
                var expected = sourceFile.Contains('/', StringComparison.Ordinal) ? "../assets/" : "assets/";
                diagnostics.Error(DiagnosticCodes.LinkTargetMissing, at, $"{what} '{Shorten(url)}' points to '{target.Path}', which is not an asset or module of this pack.",
                    target.Path.StartsWith(PackFiles.AssetsFolder + "/", StringComparison.Ordinal)
                        ? "Check the file name (names are case-sensitive) or add the file under assets/."
                        : $"Link to files under assets/ (from this file: {expected}...) or to a module's .md file.");
                break;
        }
    }

    /// <summary>The URL as it can be shown in a message: control characters made visible, long URLs cut.</summary>
    private static string Shorten(string url)
    {
        var visible = string.Concat(url.Select(c => c switch
        {
            '\t' => "\\t",
            '\n' => "\\n",
            '\0' => "\\0",
            < ' ' => $"\\x{(int)c:X2}",
            _ => c.ToString(),
        }));
        return visible.Length <= 80 ? visible : visible[..77] + "...";
    }
}
