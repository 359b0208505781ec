using System.Net;
using System.Net.Http.Json;
using Dapper;
using ECampus.Testing;
using static ECampus.Engine.Tests.Plugins.TestPlugins;

namespace ECampus.Engine.Tests.Plugins;

/// <summary>
/// A plug-in's manifest names the tables holding per-learner data and their account column, so exporting or erasing a
/// learner's data can include them. After its migrations the host checks each one; a declaration the database does not
/// bear out disables the plug-in with the reason, since data it promised to find would otherwise be silently missed.
/// </summary>
public sealed class PluginPersonalDataTests
{
    private const string Admin = "admin@example.org";
    private const string Migration = "CREATE TABLE {0}_note (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, text TEXT NOT NULL);";

    private TestSite _site = null!;
    private HttpClient _admin = null!;

    public static IEnumerable<TestCaseData> Declarations { get; } =
    [
        new TestCaseData("honest", """[new("honest_note", "account_id")]""", null).SetName("DeclaredTableAndColumnExist_PluginStaysEnabled"),
        new TestCaseData("no-table", """[new("no_table_note", "account_id"), new("no_table_diary", "account_id")]""",
            "Its manifest declares personal data the database does not hold: 'no_table_diary' does not exist.").SetName("DeclaredTableMissing_IsDisabledWithItsReason"),
        new TestCaseData("no-column", """[new("no_column_note", "learner_id")]""",
            "Its manifest declares personal data the database does not hold: 'no_column_note' has no column 'learner_id'.").SetName("DeclaredColumnMissing_IsDisabledWithItsReason"),
        new TestCaseData("foreign", """[new("foreign_note", "account_id"), new("account", "id")]""",
            "Its manifest declares personal data the database does not hold: 'account' does not start with 'foreign_'.").SetName("DeclaredTableOfAnotherOwner_IsDisabledWithItsReason"),
    ];

    [OneTimeSetUp]
    public async Task StartSiteWithPlugins()
    {
        var root = Directory.CreateTempSubdirectory("ecampus-plugin-personal-data-").FullName;
        var plugins = Path.Combine(root, "plugins");
        foreach (var declaration in Declarations)
        {
            var id = (string)declaration.Arguments[0]!;
            var name = string.Concat(id.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
            PluginCompiler.Install(plugins, name, Plugin(name, Manifest(id, extra: $"{{ PersonalData = {declaration.Arguments[1]} }}")),
                new Dictionary<string, string> { ["0001_notes.sql"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, Migration, id.Replace('-', '_')) });
        }

        _site = await TestSite.StartAsync(root: root);
        await _site.CreateAccountAsync(Admin, "Admin", TestSite.StrongPassword, "admin");
        _admin = await _site.ApiClientAsync(Admin);
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        _admin?.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    [TestCaseSource(nameof(Declarations))]
    public async Task PersonalDataDeclaration_IsCheckedAfterMigrations(string id, string declaration, string? reason)
    {
        var response = await _admin.GetAsync("/api/v1/admin/plugins");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var listed = (await response.Content.ReadFromJsonAsync<List<PluginView>>())!.SingleOrDefault(p => p.Id == id);

        Assert.That(listed, Is.Not.Null, $"{id} is not listed on /api/v1/admin/plugins");
        Assert.Multiple(() =>
        {
            Assert.That(listed!.Enabled, Is.EqualTo(reason is null), $"{id} declaring {declaration}: enabled = {listed.Enabled}, problem: {listed.Problem}");
            Assert.That(listed.Problem, Is.EqualTo(reason));
        });
    }

    [Test]
    public async Task DisabledForItsDeclaration_StillHasItsMigrationApplied_SoAFixedBuildStartsOnTheSameSchema()
    {
        await using var connection = _site.Open();
        var journal = (await connection.QueryAsync<string>("SELECT ScriptName FROM schema_version WHERE ScriptName LIKE 'no-column/%'")).ToList();
        Assert.That(journal, Is.EqualTo(new[] { "no-column/0001_notes.sql" }), "the migration of a plug-in disabled for its declaration was not kept in the journal");
    }

    private sealed record PluginView(string Id, bool Enabled, string? Problem);
}
