using System.Globalization;

namespace ECampus.Content;

/// <summary>
/// Formats diagnostics the way compilers do, so editors and CI logs can jump to the position:
/// <c>path/file.md:12:5: error PACK012: message</c> followed by an indented hint line.
/// </summary>
public static class DiagnosticReport
{
    /// <summary>One diagnostic on one line: <c>file:line:col: severity CODE: message</c>.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="pathPrefix">Prepended to the file, usually the pack folder as the user typed it.</param>
    public static string FormatLine(Diagnostic diagnostic, string? pathPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var file = string.IsNullOrEmpty(pathPrefix) ? diagnostic.File : JoinPath(pathPrefix, diagnostic.File);
        var position = diagnostic.Line <= 0 ? ""
            : diagnostic.Column <= 0 ? string.Create(CultureInfo.InvariantCulture, $":{diagnostic.Line}")
            : string.Create(CultureInfo.InvariantCulture, $":{diagnostic.Line}:{diagnostic.Column}");
        var severity = diagnostic.IsError ? "error" : "warning";
        return $"{file}{position}: {severity} {diagnostic.Code}: {diagnostic.Message}";
    }

    /// <summary>Writes every diagnostic (errors first, then by file and position) with its hint line.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="diagnostics">The diagnostics of one pack.</param>
    /// <param name="pathPrefix">Prepended to each file, usually the pack folder as the user typed it.</param>
    public static void Write(TextWriter writer, IEnumerable<Diagnostic> diagnostics, string? pathPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var diagnostic in Sort(diagnostics))
        {
            writer.WriteLine(FormatLine(diagnostic, pathPrefix));
            if (!string.IsNullOrEmpty(diagnostic.Hint))
            {
                writer.WriteLine($"    hint: {diagnostic.Hint}");
            }
        }
    }

    /// <summary>A summary such as <c>2 errors, 1 warning in 3 packs</c>.</summary>
    public static string Summary(int errors, int warnings, int packs) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")} in {packs} {Plural(packs, "pack")}");

    /// <summary>Errors first, then file, line and column, so the most important problem is read first.</summary>
    public static IEnumerable<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderByDescending(d => d.Severity)
            .ThenBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal);

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";

    private static string JoinPath(string prefix, string file)
    {
        var trimmed = prefix.TrimEnd('/', '\\');
        return file.Length == 0 ? trimmed : $"{trimmed}/{file}";
    }
}
