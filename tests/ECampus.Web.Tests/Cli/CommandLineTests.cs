using ECampus.Testing;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ECampus.Web.Tests.Cli;

/// <summary>The <c>ecampus</c> command as an operator runs it: a real process on a data folder of its own.</summary>
public sealed class CommandLineTests
{
    private const string AdminEmail = "root@example.org";

    private string _root = null!;
    private EcampusProcess _ecampus = null!;

    [SetUp]
    public void CreateFolder()
    {
        _root = Directory.CreateTempSubdirectory("ecampus-cli-").FullName;
        _ecampus = new EcampusProcess(Path.Combine(_root, "data"), Path.Combine(_root, "plugins"));
    }

    [TearDown]
    public void RemoveFolder()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public async Task Help_ListsEveryVerb()
    {
        var help = await _ecampus.RunAsync(null, "--help");

        Assert.That(help.ExitCode, Is.Zero, help.ToString());
        Assert.That(help.Output, Does.Match(@"(?m)^\s+serve\b").And.Match(@"(?m)^\s+migrate\b").And.Match(@"(?m)^\s+admin\b").And.Match(@"(?m)^\s+backup <file>"));
    }

    [Test]
    public async Task Help_ListsTheVerbsOfBuiltInPlugins()
    {
        var help = await _ecampus.RunAsync(null, "--help");

        Assert.That(help.Output, Does.Match(@"(?m)^\s+quiz\b"), help.ToString());
    }

    [Test]
    public async Task QuizExportGift_OfASamplePackQuiz_WritesMoodleGift()
    {
        var quiz = Path.Combine(SamplePacks.Folder, "evidence-based-policy", "assessments", "pre-course.md");

        var export = await _ecampus.RunAsync(null, "quiz", "export-gift", quiz);

        Assert.That(export.ExitCode, Is.Zero, export.ToString());
        Assert.That(export.Output, Does.StartWith("// Pre-course assessment"));
        Assert.That(export.Output, Does.Contain("::what-is-a-counterfactual::[markdown]What is a counterfactual? {\n=What would have happened without the measure\n~The outcome"));
        Assert.That(export.Error, Does.Contain("Exported 5 of 5 questions."));
    }

    [Test]
    public async Task QuizExportGift_ToAFile_WritesIt_AndListsWhatGiftCannotHold()
    {
        var quiz = Path.Combine(_root, "mixed.md");
        await File.WriteAllTextAsync(quiz, """
            # Mixed

            ## Capital of Switzerland {#capital}

            - [x] Bern
            - [ ] Geneva

            ## Put the stages in order {type=ordering}

            1. Agenda setting
            2. Formulation
            3. Evaluation
            """);
        var target = Path.Combine(_root, "out", "mixed.gift");

        var export = await _ecampus.RunAsync(null, "quiz", "export-gift", quiz, "--output", target);

        Assert.That(export.ExitCode, Is.Zero, export.ToString());
        Assert.That(await File.ReadAllTextAsync(target), Does.Contain("::capital::[markdown]Capital of Switzerland {\n=Bern\n~Geneva\n}"));
        Assert.That(export.Error, Does.Contain("Left out question 'put-the-stages-in-order'").And.Contain("Exported 1 of 2 questions to " + target));
    }

    [Test]
    public async Task QuizExportGift_OfABrokenQuiz_ReportsFileLineAndColumn_AndWritesNothing()
    {
        var quiz = Path.Combine(_root, "broken.md");
        await File.WriteAllTextAsync(quiz, "---\ntitle: Broken\nattempts: many\n---\n\n## Q\n\n- [x] a\n- [ ] b\n");
        var target = Path.Combine(_root, "broken.gift");

        var export = await _ecampus.RunAsync(null, "quiz", "export-gift", quiz, "-o", target);

        Assert.That(export.ExitCode, Is.EqualTo(1), export.ToString());
        Assert.That(export.Error, Does.Match(@"broken\.md:3:\d+: error QUIZ\d+: ").And.Contain("Nothing exported"));
        Assert.That(File.Exists(target), Is.False);
    }

    [Test]
    public async Task Migrate_CreatesTheDatabase_InWalMode()
    {
        var migrate = await _ecampus.RunAsync(null, "migrate");

        Assert.That(migrate.ExitCode, Is.Zero, migrate.ToString());
        Assert.That(migrate.Output, Does.Contain("is up to date"));
        await using var connection = Open(_ecampus.DatabasePath);
        Assert.That(await connection.QueryAsync<string>("SELECT ScriptName FROM schema_version ORDER BY ScriptName"),
            Does.Contain("engine/0001_accounts.sql").And.Contain("engine/0002_site.sql"));
        Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
    }

    [Test]
    public async Task AdminCreate_WithPasswordOnStdin_CreatesAnActiveAdminWhoCanSignIn()
    {
        var create = await _ecampus.RunAsync(TestSite.StrongPassword, "admin", "create", "--email", AdminEmail, "--name", "Root Admin");

        Assert.That(create.ExitCode, Is.Zero, create.ToString());
        Assert.That(create.Output, Does.Contain($"Created administrator {AdminEmail}"));
        await using (var connection = Open(_ecampus.DatabasePath))
        {
            var account = await connection.QuerySingleAsync<(string Status, string DisplayName, string PasswordHash)>(
                "SELECT status, display_name, password_hash FROM account WHERE email = @AdminEmail", new { AdminEmail });
            var roles = await connection.QueryAsync<string>("SELECT r.role FROM account_role r JOIN account a ON a.id = r.account_id WHERE a.email = @AdminEmail", new { AdminEmail });
            Assert.Multiple(() =>
            {
                Assert.That(account.Status, Is.EqualTo("active"));
                Assert.That(account.DisplayName, Is.EqualTo("Root Admin"));
                Assert.That(account.PasswordHash, Does.Not.Contain(TestSite.StrongPassword));
                Assert.That(roles, Is.EqualTo(new[] { "admin" }));
            });
        }

        await using var site = await TestSite.StartAsync(root: _root);
        using var admin = await site.ApiClientAsync(AdminEmail);
        var plugins = await admin.GetAsync("/api/v1/admin/plugins");
        Assert.That(plugins.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "the admin made on the command line cannot use the admin API");
    }

    [Test]
    public async Task AdminCreate_WithWeakPassword_RefusesWithTheReason()
    {
        var create = await _ecampus.RunAsync("short", "admin", "create", "--email", AdminEmail, "--name", "Root Admin");

        Assert.That(create.ExitCode, Is.Not.Zero, create.ToString());
        Assert.That(create.Error, Does.Contain("Use at least 10 characters"));
        Assert.That(await AccountCountAsync(), Is.Zero);
    }

    [Test]
    public async Task AdminCreate_WithTakenEmail_RefusesWithTheReason()
    {
        var first = await _ecampus.RunAsync(TestSite.StrongPassword, "admin", "create", "--email", AdminEmail, "--name", "First");
        Assert.That(first.ExitCode, Is.Zero, first.ToString());

        var second = await _ecampus.RunAsync("another long passphrase", "admin", "create", "--email", AdminEmail.ToUpperInvariant(), "--name", "Second");

        Assert.That(second.ExitCode, Is.Not.Zero, second.ToString());
        Assert.That(second.Error, Does.Contain("already exists"));
        Assert.That(await AccountCountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task AdminCreate_WithoutPassword_RefusesWithTheReason()
    {
        var create = await _ecampus.RunAsync("", "admin", "create", "--email", AdminEmail);

        Assert.That(create.ExitCode, Is.Not.Zero, create.ToString());
        Assert.That(create.Error, Does.Contain("No password given"));
    }

    [Test]
    public async Task Backup_UnderWriteLoad_IsIntactAndHoldsEveryRowCommittedBeforeIt()
    {
        Assert.That((await _ecampus.RunAsync(null, "migrate")).ExitCode, Is.Zero);
        var target = Path.Combine(_root, "backups", "ecampus-backup.db");
        using var stop = new CancellationTokenSource();
        var committed = 0;
        var writer = Task.Run(async () =>
        {
            await using var connection = Open(_ecampus.DatabasePath);
            while (!stop.IsCancellationRequested)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO audit_event (at, action, subject, detail) VALUES ('2026-01-01T00:00:00.000Z', 'load', 'row', zeroblob(2000))");
                Interlocked.Increment(ref committed);
            }
        });
        await WaitUntilAsync(() => Volatile.Read(ref committed) >= 200);

        var committedBefore = Volatile.Read(ref committed);
        var backup = await _ecampus.RunAsync(null, "backup", target);
        var committedWhileBackingUp = Volatile.Read(ref committed);
        await stop.CancelAsync();
        await writer;
        var committedAfter = Volatile.Read(ref committed);

        Assert.That(backup.ExitCode, Is.Zero, backup.ToString());
        Assert.That(committedWhileBackingUp, Is.GreaterThan(committedBefore), "the writer made no progress while the backup ran, so this was no test under load");
        await using var copy = Open(target);
        var integrity = await copy.ExecuteScalarAsync<string>("PRAGMA integrity_check");
        var ids = (await copy.QueryAsync<long>("SELECT id FROM audit_event WHERE action = 'load' ORDER BY id")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(integrity, Is.EqualTo("ok"));
            Assert.That(ids, Has.Count.InRange(committedBefore, committedAfter), "the copy misses rows committed before the backup started");
            Assert.That(ids, Is.EqualTo(Enumerable.Range(1, ids.Count).Select(i => (long)i)), "the copy is not one consistent moment: it has gaps");
        });
    }

    [Test]
    public async Task Backup_ToAnExistingFile_RefusesAndLeavesItAlone()
    {
        Assert.That((await _ecampus.RunAsync(null, "migrate")).ExitCode, Is.Zero);
        var target = Path.Combine(_root, "precious.db");
        await File.WriteAllTextAsync(target, "yesterday's backup");

        var backup = await _ecampus.RunAsync(null, "backup", target);

        Assert.That(backup.ExitCode, Is.Not.Zero, backup.ToString());
        Assert.That(backup.Error, Does.Contain("already exists"));
        Assert.That(await File.ReadAllTextAsync(target), Is.EqualTo("yesterday's backup"));
    }

    [Test]
    public async Task Migrate_OnSchemaFromNewerBuild_ExitsNonZeroWithAClearMessage()
    {
        Assert.That((await _ecampus.RunAsync(null, "migrate")).ExitCode, Is.Zero);
        await using (var connection = Open(_ecampus.DatabasePath))
        {
            await connection.ExecuteAsync("INSERT INTO schema_version (ScriptName, Applied) VALUES ('engine/9999_future.sql', '2031-01-01 00:00:00')");
        }

        var migrate = await _ecampus.RunAsync(null, "migrate");

        Assert.That(migrate.ExitCode, Is.Not.Zero, migrate.ToString());
        Assert.That(migrate.Error, Does.Contain("engine/9999_future.sql").And.Contain("newer version"));
        Assert.That(migrate.Error, Does.Not.Contain("Unhandled exception").And.Not.Match(@"(?m)^\s+at "),
            "the operator gets a stack trace instead of just the message");
    }

    private async Task<long> AccountCountAsync()
    {
        if (!File.Exists(_ecampus.DatabasePath))
        {
            return 0;
        }

        await using var connection = Open(_ecampus.DatabasePath);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM account");
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the condition did not come true within 30 s");
            await Task.Delay(10);
        }
    }
}
