using Dapper;
using ECampus.Engine.Courses;
using ECampus.Engine.Tests.Data;
using ECampus.Sdk;

namespace ECampus.Engine.Tests.Courses;

/// <summary>What plug-ins learn of courses and people through the SDK's course directory.</summary>
public sealed class CourseDirectoryTests
{
    private PackRoot _packs = null!;
    private EngineStorage _storage = null!;
    private ICourseDirectory _directory = null!;

    [SetUp]
    public async Task ServeOnePack()
    {
        _packs = new PackRoot();
        var pack = _packs.Scaffold("shapes");
        Directory.CreateDirectory(Path.Combine(pack, "assets"));
        File.WriteAllBytes(Path.Combine(pack, "assets", "triangle.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        _storage = await EngineStorage.CreateAsync(configure: settings => settings["ECampus:PackFolders:0"] = _packs.Path);
        _storage.Get<PackCatalog>().LoadAll();
        _directory = _storage.Get<ICourseDirectory>();
    }

    [TearDown]
    public async Task Remove()
    {
        await _storage.DisposeAsync();
        _packs.Dispose();
    }

    [Test]
    public async Task DisplayNames_OfTheAccountsAskedFor_LeavingOutAccountsThatDoNotExist()
    {
        using (var connection = _storage.Open())
        {
            foreach (var (email, name) in new[] { ("ana@example.org", "Ana Lima"), ("kofi@example.org", "Kofi Mensah"), ("li@example.org", "Li Wei") })
            {
                connection.Execute("""
                    INSERT INTO account (email, email_normalized, display_name, password_hash, status, created_at)
                    VALUES (@email, @email, @name, 'x', 'active', '2026-11-23T10:00:00.000Z')
                    """, new { email, name });
            }
        }

        var ids = await _storage.Database.ReadAsync(c => c.QueryAsync<long>("SELECT id FROM account WHERE email <> 'li@example.org' ORDER BY id"), CancellationToken.None);
        var names = await _directory.DisplayNamesAsync([.. ids, 987_654], CancellationToken.None);

        Assert.That(names.Values, Is.EquivalentTo(new[] { "Ana Lima", "Kofi Mensah" }));
        Assert.That(await _directory.DisplayNamesAsync([], CancellationToken.None), Is.Empty);
    }

    [Test]
    public void RenderMarkdown_FollowsThePacksRules_AssetsResolvedFromTheFile_ScriptsAndBadLinksGone()
    {
        var html = _directory.RenderMarkdown("shapes", "assessments/check.md", """
            Which shape is **this**? ![a shape](../assets/triangle.png)

            <script>alert(1)</script> [click](javascript:alert(2)) [away](../01-nowhere.md)
            """);

        Assert.That(html, Does.Contain("<strong>this</strong>").And.Contain("src=\"/courses/shapes/assets/triangle.png\""));
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("javascript:").And.Not.Contain("nowhere"));
        Assert.That(html, Does.Contain("away"), "a link that resolves to nothing keeps its text");
    }

    [Test]
    public void RenderMarkdown_OfACourseNotServed_IsNull() =>
        Assert.That(_directory.RenderMarkdown("no-such-course", "assessments/check.md", "text"), Is.Null);

    [Test]
    public void RenderMarkdown_OfTextTooComplexToRender_ShowsItEncoded()
    {
        var html = _directory.RenderMarkdown("shapes", "assessments/check.md", new string('>', 500) + " <b>deep</b>");

        Assert.That(html, Does.StartWith("<p>&gt;&gt;&gt;").And.Contain("&lt;b&gt;deep"));
    }
}
