namespace ECampus.Content.Tests;

public class DiagnosticReportTests
{
    private static readonly Diagnostic[] Diagnostics =
    [
        new(DiagnosticSeverity.Warning, "PACK028", "02-extra.md", 1, 1, "Module 'extra' is not listed.", "Add it to 'modules'."),
        new(DiagnosticSeverity.Error, "PACK012", "01-intro.md", 3, 5, "Required key 'effort' is missing or empty.", "Add a line such as 'effort: 30m'."),
        new(DiagnosticSeverity.Error, "PACK002", "assets/video.mp4", 0, 0, "The asset is 20 MB; the limit is 10 MB."),
    ];

    [Test]
    public void Write_PutsErrorsFirst_WithPositionsAndHints()
    {
        using var writer = new StringWriter { NewLine = "\n" };

        DiagnosticReport.Write(writer, Diagnostics, "Content/packs/demo/");

        Assert.That(writer.ToString(), Is.EqualTo(
            "Content/packs/demo/01-intro.md:3:5: error PACK012: Required key 'effort' is missing or empty.\n"
            + "    hint: Add a line such as 'effort: 30m'.\n"
            + "Content/packs/demo/assets/video.mp4: error PACK002: The asset is 20 MB; the limit is 10 MB.\n"
            + "Content/packs/demo/02-extra.md:1:1: warning PACK028: Module 'extra' is not listed.\n"
            + "    hint: Add it to 'modules'.\n"));
    }

    [TestCase(0, 0, 1, "0 errors, 0 warnings in 1 pack")]
    [TestCase(1, 1, 2, "1 error, 1 warning in 2 packs")]
    [TestCase(3, 2, 0, "3 errors, 2 warnings in 0 packs")]
    public void Summary_CountsWithPlurals(int errors, int warnings, int packs, string expected) =>
        Assert.That(DiagnosticReport.Summary(errors, warnings, packs), Is.EqualTo(expected));
}
