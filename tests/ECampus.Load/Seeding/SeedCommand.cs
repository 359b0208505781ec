using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ECampus.Load.Seeding;

/// <summary><c>ECampus.Load seed</c>: writes the learner-journey packs and fills a migrated database to match.</summary>
internal static class SeedCommand
{
    public const string Usage = """
        Seeds a test site for the journey scenarios: content packs, learners, enrolments, progress, goals.

        Usage:
          ecampus migrate   (with ECAMPUS_DATADIRECTORY=DATA: the seeder expects the migrated, empty database)
          dotnet run -c Release --project tests/ECampus.Load -- seed --data DATA --packs PACKS [options]

        Options:
          --data DIR           the server's data folder (ECAMPUS_DATADIRECTORY); the database is DIR/ecampus.db
          --packs DIR          folder to write the packs into (ECAMPUS_PACKFOLDERS__0); must be missing or empty
          --learners N         learner accounts, 1-1000000 (default 10000); the first is learner@example.org
          --courses N          courses, 1-200 (default 20); course-01 is the largest, the others have 5-20 modules
          --largest N          modules in the largest course, 14-500 (default 50)
          --seed N             random seed (default 2026); the same seed writes the same site
          --password PASSWORD  or set ECAMPUS_LOAD_PASSWORD: the password of every seeded account
          --iterations N       PBKDF2 iterations of the stored hash (default 210000, the engine's default)

        Every account shares one password hash, computed once. An administrator (admin@example.org) is added when the
        site has none, so pages do not redirect to /setup.
        """;

    public static int Run(string[] args)
    {
        string? data = null, packs = null;
        var password = Environment.GetEnvironmentVariable("ECAMPUS_LOAD_PASSWORD");
        int learners = 10_000, courses = 20, largest = 50, seed = 2026, iterations = 210_000;
        try
        {
            if (!CommandLine.Read(args, Usage, (name, value) =>
            {
                switch (name)
                {
                    case "--data": data = value; break;
                    case "--packs": packs = value; break;
                    case "--password": password = value; break;
                    case "--learners": learners = CommandLine.Int(name, value, 1, 1_000_000); break;
                    case "--courses": courses = CommandLine.Int(name, value, 1, 200); break;
                    case "--largest": largest = CommandLine.Int(name, value, SeedPlan.KnownLearnerDone + 2, 500); break;
                    case "--seed": seed = CommandLine.Int(name, value, 0, int.MaxValue); break;
                    case "--iterations": iterations = CommandLine.Int(name, value, 1, 10_000_000); break;
                    default: throw new ArgumentException($"unknown option '{name}'");
                }
            }))
            {
                return 0;
            }

            if (data is null || packs is null)
            {
                throw new ArgumentException("--data and --packs are required");
            }

            if (string.IsNullOrEmpty(password))
            {
                throw new ArgumentException("give --password or set ECAMPUS_LOAD_PASSWORD");
            }

            if (Directory.Exists(packs) && Directory.EnumerateFileSystemEntries(packs).Any())
            {
                throw new ArgumentException($"--packs {packs} is not empty: give a new folder");
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var database = Path.GetFullPath(Path.Combine(data, "ecampus.db"));
        if (!File.Exists(database))
        {
            Console.Error.WriteLine($"error: {database} does not exist: run `ecampus migrate` with ECAMPUS_DATADIRECTORY={data} first");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyList<ECampus.Content.Pack> written;
        try
        {
            written = SeedPacks.WriteAndLoad(Path.GetFullPath(packs), courses, largest, seed);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }

        var bytes = written.SelectMany(p => p.Modules).Select(m => (long)m.Markdown.Length).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"packs: {written.Count} in {Path.GetFullPath(packs)}, {bytes.Length} modules ({written[0].Id}: {written[0].Modules.Count}), "
            + $"Markdown {bytes.Min() / 1024.0:0.0}-{bytes.Max() / 1024.0:0.0} KB per module, {bytes.Sum() / 1024.0 / 1024.0:0.0} MB in all, "
            + $"0 diagnostics ({clock.Elapsed.TotalSeconds:0.0} s)"));

        clock.Restart();
        var hasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = iterations,
        }));
        var hash = hasher.HashPassword(new object(), password);

        SeedCounts counts;
        try
        {
            counts = SeedDatabase.Fill(database, written, learners, hash, seed, DateTimeOffset.UtcNow);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"database: {database}: {counts.Learners} learners ({SeedPlan.KnownLearnerEmail} among them), {counts.Enrolments} enrolments "
            + $"({counts.ActiveEnrolments} active), {counts.ProgressRows} progress rows ({counts.DoneRows} done), {counts.Goals} learning goals, "
            + $"{counts.Completions} course completions{(counts.AdminCreated ? $", administrator {SeedPlan.AdminEmail}" : "")} "
            + $"({clock.Elapsed.TotalSeconds:0.0} s)"));
        Console.WriteLine($"journey defaults: --course {SeedPlan.LargestCourseId} --module {SeedPlan.KnownLearnerModuleId} "
            + $"(in progress for {SeedPlan.KnownLearnerEmail}, after {SeedPlan.KnownLearnerDone} done)");
        return 0;
    }
}
