using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ECampus.Content.Loading;

/// <summary>
/// Reads an asset: content type from its extension, SHA-256 for ETags and the pack hash, and a refusal of
/// anything a browser would run (HTML, scripts, SVG with script), because assets are served from the site's origin.
/// </summary>
internal static partial class AssetReader
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".svg"] = "image/svg+xml",
        [".pdf"] = "application/pdf",
        [".mp3"] = "audio/mpeg",
        [".m4a"] = "audio/mp4",
        [".ogg"] = "audio/ogg",
        [".mp4"] = "video/mp4",
        [".webm"] = "video/webm",
        [".vtt"] = "text/vtt; charset=utf-8",
        [".csv"] = "text/csv; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".zip"] = "application/zip",
    };

    private static readonly HashSet<string> ActiveExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".html", ".htm", ".xhtml", ".shtml", ".js", ".mjs", ".xml", ".xsl", ".xslt", ".svgz", ".swf", ".jar", ".exe", ".bat", ".cmd", ".sh", ".php",
    };

    public static (PackAsset Asset, byte[] Hash)? Read(ScannedFile file, PackLimits limits, DiagnosticBag diagnostics)
    {
        var where = SourcePoint.WholeFile(file.RelativePath);
        if (file.Length > limits.MaxAssetBytes)
        {
            diagnostics.Error(DiagnosticCodes.FileTooLarge, where,
                $"The asset is {Megabytes(file.Length)}; the limit is {Megabytes(limits.MaxAssetBytes)}.",
                "Compress the file, or host large media elsewhere and link to it over https.");
            return null;
        }

        if (ActiveExtensions.Contains(file.Extension))
        {
            diagnostics.Error(DiagnosticCodes.UnsafeAsset, where, $"'{file.Extension}' files could run code in learners' browsers and cannot be assets.",
                "Convert the document to PDF or an image, or publish it elsewhere and link to it.");
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.UnexpectedFile, where, $"The file cannot be read: {e.Message}");
            return null;
        }

        if (file.Extension == ".svg" && UnsafeSvg(bytes) is { } reason)
        {
            diagnostics.Error(DiagnosticCodes.UnsafeAsset, where, $"The SVG contains {reason}, which could run in learners' browsers.",
                "Export the drawing again without scripts, event handlers or embedded HTML, or use a PNG.");
            return null;
        }

        if (!ContentTypes.TryGetValue(file.Extension, out var contentType))
        {
            contentType = "application/octet-stream";
            diagnostics.Warning(DiagnosticCodes.UnknownAssetType, where, $"'{file.Extension}' is not a known asset type; it will be offered as a download.",
                "Use a common format (PNG, JPEG, WebP, SVG, PDF, MP3, MP4, Office documents) if learners should view it in the browser.");
        }

        var hash = SHA256.HashData(bytes);
        var asset = new PackAsset
        {
            RelativePath = file.RelativePath,
            FullPath = file.FullPath,
            Length = bytes.LongLength,
            ContentType = contentType,
            ContentHash = Convert.ToHexStringLower(hash),
        };
        return (asset, hash);
    }

    private static string? UnsafeSvg(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (text.Contains("<script", StringComparison.OrdinalIgnoreCase))
        {
            return "a <script> element";
        }

        if (text.Contains("<foreignObject", StringComparison.OrdinalIgnoreCase))
        {
            return "a <foreignObject> element (embedded HTML)";
        }

        if (EventHandler().IsMatch(text))
        {
            return "an event-handler attribute (on...=)";
        }

        return text.Contains("javascript:", StringComparison.OrdinalIgnoreCase) ? "a javascript: URL" : null;
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EventHandler();
}
