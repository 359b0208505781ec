namespace ECampus.Content.Tests;

public class ScaffolderTests
{
    [Test]
    public void NewPack_ValidatesWithoutAnyDiagnostic()
    {
        using var temp = new TempFolder("labour-migration");

        var written = PackScaffolder.Create(temp.PackPath, "labour-migration");
        var result = new PackLoader().Load(temp.PackPath);

        Assert.That(written, Is.EquivalentTo(new[] { "pack.yml", "01-welcome.md" }));
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(result.Pack!.Title, Is.EqualTo("Labour migration"));
        Assert.That(result.Pack.Modules.Single().Id, Is.EqualTo("welcome"));
    }
}
