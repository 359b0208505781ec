using Snapshooter.NUnit;

namespace ECampus.Content.Tests.Loading;

public class GeneratedPackTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        GeneratedPacks.All.Keys.Order(StringComparer.Ordinal).Select(name => new TestCaseData(name).SetName($"Generated_{name}"));

    [TestCaseSource(nameof(Cases))]
    public void GeneratedPack_ReportsExpectedDiagnostics(string name)
    {
        var result = GeneratedPacks.Load(name, out var folder);
        using (folder)
        {
            Snapshot.Match(DiagnosticSnapshot.Of(result));
        }
    }

    [Test]
    public void HiddenFiles_AreNeitherLoadedNorServed()
    {
        var result = GeneratedPacks.Load("hidden-files", out var folder);
        using (folder)
        {
            Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { DiagnosticCodes.LinkTargetMissing }));
            Assert.That(result.Pack, Is.Null);
        }

        var clean = new TempFolder("hidden-clean");
        using (clean)
        {
            clean.Write("pack.yml", "id: hidden-clean\ntitle: Hidden\nversion: 1.0.0\nformat: self-paced\n");
            clean.Write("01-intro.md", GeneratedPacks.Module);
            clean.Write(".git/HEAD", "ref: refs/heads/main\n");
            clean.Write("assets/.hidden/b.txt", "hidden");
            clean.Write("assets/visible.txt", "visible");

            var pack = new PackLoader().Load(clean.PackPath).Pack!;

            Assert.That(pack.Assets.Select(a => a.RelativePath), Is.EqualTo(new[] { "assets/visible.txt" }));
            Assert.That(pack.FindAsset("assets/.hidden/b.txt"), Is.Null);
            Assert.That(pack.FindAsset("assets/../pack.yml"), Is.Null);
        }
    }

    [Test]
    public void SymbolicLinks_AreNeverFollowed()
    {
        var result = GeneratedPacks.Load("symlink-outside", out var folder);
        using (folder)
        {
            Assert.That(result.Pack, Is.Null);
            Assert.That(result.Diagnostics.Count(d => d.Code == DiagnosticCodes.SymbolicLink), Is.EqualTo(2));
        }
    }
}
