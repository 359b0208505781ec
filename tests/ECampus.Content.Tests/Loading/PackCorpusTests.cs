using Snapshooter.NUnit;

namespace ECampus.Content.Tests.Loading;

/// <summary>
/// The broken-pack corpus under Packs/: one folder per problem. The expected diagnostics (file, line,
/// column, code, message and hint) are the snapshots in __snapshots__, reviewed by hand.
/// </summary>
public class PackCorpusTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "Packs"))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => new TestCaseData(name).SetName($"Corpus_{name}"));

    [TestCaseSource(nameof(Cases))]
    public void BrokenPack_ReportsExpectedDiagnostics(string name)
    {
        var result = new PackLoader().Load(Path.Combine(TestPaths.Corpus, name));

        Assert.That(result.Succeeded, Is.EqualTo(result.ErrorCount == 0));
        Snapshot.Match(DiagnosticSnapshot.Of(result));
    }
}
