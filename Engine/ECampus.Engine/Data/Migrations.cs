using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using ECampus.Sdk;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ECampus.Engine.Data;

/// <summary>The numbered SQL scripts one owner (the engine, or a plug-in) ships as embedded resources.</summary>
public sealed record MigrationSet(string Owner, IReadOnlyList<SqlScript> Scripts)
{
    /// <summary>Scripts embedded under a <c>Migrations</c> folder of <paramref name="assembly"/>, in file-name order.</summary>
    public static MigrationSet FromAssembly(string owner, Assembly assembly)
    {
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.Contains(".Migrations.", StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Name: name, File: name[(name.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..]))
            .OrderBy(s => s.File, StringComparer.Ordinal)
            .Select(s =>
            {
                using var stream = assembly.GetManifestResourceStream(s.Name)!;
                using var reader = new StreamReader(stream);
                return new SqlScript($"{owner}/{s.File}", reader.ReadToEnd());
            })
            .ToList();
        return new MigrationSet(owner, scripts);
    }
}

/// <summary>Raised when the database was upgraded by a newer ECampus than this one.</summary>
public sealed class SchemaTooNewException(string message) : Exception(message);

/// <summary>Raised when a migration fails; nothing of that script was applied.</summary>
public sealed class MigrationFailedException(string message, Exception? inner) : Exception(message, inner);

/// <summary>
/// Applies migrations with DbUp, one transaction per script, recorded in <c>schema_version</c>. Each owner's
/// scripts run in file-name order; the engine's before any plug-in's.
/// </summary>
public sealed partial class Migrator(SqliteDatabase database, ILogger<Migrator> logger)
{
    private const string JournalTable = "schema_version";

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database.Path)!);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        var mode = await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode=WAL;");
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The database at {database.Path} could not be switched to WAL mode (it reports '{mode}').");
        }
    }

    private async Task<IReadOnlyList<string>> AppliedScriptsAsync(MigrationSet set, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(database.WriteConnectionString);
        await connection.OpenAsync(cancellationToken);
        var journalExists = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @JournalTable", new { JournalTable }) > 0;
        if (!journalExists)
        {
            return [];
        }

        return (await connection.QueryAsync<string>(
            $"SELECT ScriptName FROM {JournalTable} WHERE ScriptName LIKE @Prefix", new { Prefix = set.Owner + "/%" })).ToList();
    }

    /// <summary>
    /// Applies the scripts the database has not run yet. An up-to-date database is only read, so a command-line verb
    /// (a backup, say) starts without taking the write lock from a site that is busy writing.
    /// </summary>
    public async Task<int> ApplyAsync(MigrationSet set, CancellationToken cancellationToken)
    {
        var applied = (await AppliedScriptsAsync(set, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var known = set.Scripts.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = applied.Where(name => !known.Contains(name)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new SchemaTooNewException(
                $"The database at {database.Path} was upgraded by a newer version of '{set.Owner}' (it has applied {string.Join(", ", unknown)}, " +
                "which this build does not know). Run the newer ECampus, or restore a backup taken before the upgrade.");
        }

        if (known.IsSubsetOf(applied))
        {
            return 0;
        }

        var upgrader = DeployChanges.To
            .SqliteDatabase(database.WriteConnectionString)
            .WithScripts(set.Scripts)
            .JournalToSqliteTable(JournalTable)
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new MigrationFailedException(
                $"Migration {result.ErrorScript?.Name ?? set.Owner} failed: {result.Error?.Message}", result.Error);
        }

        foreach (var script in result.Scripts)
        {
            LogApplied(script.Name);
        }

        return result.Scripts.Count();
    }

    /// <summary>
    /// What is wrong with a plug-in's declared personal data once its migrations ran: each table must carry the
    /// plug-in's prefix, exist, and have the named account column, or exporting and erasing a learner's data would miss it.
    /// </summary>
    public async Task<IReadOnlyList<string>> PersonalDataProblemsAsync(PluginManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var problems = new List<string>();
        await using var connection = new SqliteConnection(database.WriteConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var (table, column) in manifest.PersonalData)
        {
            if (!table.StartsWith(manifest.TablePrefix, StringComparison.Ordinal))
            {
                problems.Add($"'{table}' does not start with '{manifest.TablePrefix}'");
                continue;
            }

            var columns = (await connection.QueryAsync<string>(
                "SELECT name FROM pragma_table_info(@table)", new { table })).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (columns.Count == 0)
            {
                problems.Add($"'{table}' does not exist");
            }
            else if (!columns.Contains(column))
            {
                problems.Add($"'{table}' has no column '{column}'");
            }
        }

        return problems;
    }

    /// <summary>
    /// Tables (and views) a plug-in's scripts create, change, fill, empty, index or hang triggers on that do not carry
    /// its prefix: a plug-in owns only its own tables. Comments are ignored. This guards against mistakes, not malice
    /// (a plug-in runs in-process with the host's rights anyway).
    /// </summary>
    public static IReadOnlyList<string> TablesOutsidePrefix(MigrationSet set, string prefix) =>
        set.Scripts
            .Select(script => Comment().Replace(script.Contents, " "))
            .SelectMany(sql => TableReference().Matches(sql).Select(m => m.Groups["table"].Value))
            .Where(table => !table.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    [GeneratedRegex(@"--[^\n]*|/\*[\s\S]*?(?:\*/|$)")]
    private static partial Regex Comment();

    [GeneratedRegex("""
        \b(?:
            CREATE\s+(?:TEMP(?:ORARY)?\s+)?(?:VIRTUAL\s+)?(?:TABLE|VIEW)(?:\s+IF\s+NOT\s+EXISTS)?
          | ALTER\s+TABLE
          | DROP\s+(?:TABLE|VIEW)(?:\s+IF\s+EXISTS)?
          | (?:INSERT|REPLACE)(?:\s+OR\s+\w+)?\s+INTO
          | (?<!\b(?:ON|DO)\s+)UPDATE(?:\s+OR\s+\w+)?(?!\s+(?:OF|ON)\b)
          | DELETE\s+FROM
          | CREATE\s+(?:UNIQUE\s+)?INDEX(?:\s+IF\s+NOT\s+EXISTS)?\s+[\w.]+\s+ON
          | (?:INSERT|DELETE|UPDATE(?:\s+OF\s+\w+(?:\s*,\s*\w+)*)?)\s+ON
        )\s+["`'\[]?(?<table>[A-Za-z_][A-Za-z0-9_]*)
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex TableReference();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Script}")]
    private partial void LogApplied(string script);
}
