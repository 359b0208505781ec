using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ECampus.Content.Loading;

/// <summary>
/// Turns the bytes of a pack text file into a string: strict UTF-8 (an optional BOM is dropped),
/// no binary data, line endings normalised to <c>\n</c> so that line numbers agree everywhere.
/// </summary>
internal static class TextDecoder
{
    public static string? Decode(byte[] bytes, string file, DiagnosticBag diagnostics)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            diagnostics.Error(DiagnosticCodes.NotUtf8, SourcePoint.WholeFile(file),
                "The file is saved as UTF-16, not UTF-8.", "Save the file as UTF-8 in your editor.");
            return null;
        }

        var nul = span.IndexOf((byte)0);
        if (nul >= 0)
        {
            var (line, column) = Position(span, nul);
            diagnostics.Error(DiagnosticCodes.BinaryFile, new SourcePoint(file, line, column),
                "The file contains binary data (a NUL byte), so it is not a text file.",
                "Keep images and documents under assets/ and reference them from Markdown.");
            return null;
        }

        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var (line, column) = Position(span, read);
            diagnostics.Error(DiagnosticCodes.NotUtf8, new SourcePoint(file, line, column),
                "The file is not valid UTF-8 (it may be saved as Latin-1 or Windows-1252).",
                "Save the file as UTF-8 in your editor.");
            return null;
        }

        var text = new string(chars, 0, written);
        return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
    }

    /// <summary>Line and column of a byte offset; the column counts characters of the valid text before it.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return (line, column);
    }
}
