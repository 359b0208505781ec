namespace ECampus.Content.Tests.Loading;

/// <summary>A load result as the lines a reviewer reads in a snapshot: the outcome, then the CLI report.</summary>
internal static class DiagnosticSnapshot
{
    public static string[] Of(PackLoadResult result)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        writer.WriteLine(result.Succeeded ? "loaded" : "not loaded");
        DiagnosticReport.Write(writer, result.Diagnostics);
        return writer.ToString().TrimEnd('\n').Split('\n');
    }
}
