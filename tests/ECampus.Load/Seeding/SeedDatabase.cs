using System.Globalization;
using ECampus.Content;
using Microsoft.Data.Sqlite;

namespace ECampus.Load.Seeding;

/// <summary>What the seeder wrote.</summary>
internal sealed record SeedCounts(int Learners, int Enrolments, int ActiveEnrolments, int ProgressRows, int DoneRows, int Goals, int Completions, bool AdminCreated);

/// <summary>
/// Fills a migrated, empty ECampus database with learners and their records, in one transaction of prepared inserts:
/// every learner active in the largest course and in up to four others (smaller courses are less popular), some
/// withdrawn from one more; in each course a realistic spread of progress — not started, part-way with the next
/// module in progress, or finished with a completion record — and learning goals where the course asks for them.
/// Rows are written as the engine writes them (see Places.GrantAsync, GetModule, CompleteModule, Goals).
/// </summary>
internal static class SeedDatabase
{
    private const string InsertAccount = """
        INSERT INTO account (id, email, email_normalized, display_name, password_hash, status, country, region, organisation_type, gender,
                             created_at, approved_at, last_sign_in_at)
        VALUES ($p0, $p1, $p2, $p3, $p4, 'active', $p5, NULL, $p6, $p7, $p8, $p9, $p10)
        """;

    private const string InsertAdminRole = "INSERT INTO account_role (account_id, role) VALUES ($p0, 'admin')";

    private const string InsertEnrolment = """
        INSERT INTO enrolment (course_id, account_id, cohort_id, status, language, queued_at, enrolled_at, decided_at)
        VALUES ($p0, $p1, NULL, $p2, NULL, $p3, $p4, $p5)
        """;

    private const string InsertLearnerRole = "INSERT INTO course_role (course_id, account_id, role, granted_at) VALUES ($p0, $p1, 'learner', $p2)";

    private const string InsertProgress = """
        INSERT INTO module_progress (course_id, account_id, module_id, module_title, started_at, completed_at, completed_by, content_hash)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7)
        """;

    private const string InsertGoal = """
        INSERT INTO learning_goal (course_id, account_id, position, goal, rating, reflection, written_at, rated_at)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7)
        """;

    private const string InsertCompletion = """
        INSERT INTO course_completion (course_id, account_id, cohort_id, completed_at, content_hash) VALUES ($p0, $p1, NULL, $p2, $p3)
        """;

    private static readonly string[] FirstNames =
    [
        "Amina", "Kwame", "Lucía", "Mei", "Oluwaseun", "Priya", "Rashid", "Sofia", "Tariq", "Valentina", "Yusuf", "Zanele",
        "Ahmed", "Chloé", "Diego", "Fatima", "Hiroshi", "Ingrid", "João", "Leila", "Mateo", "Nadia", "Pavel", "Thandiwe",
    ];

    private static readonly string[] LastNames =
    [
        "Mensah", "García", "Chen", "Okafor", "Sharma", "Haddad", "Rossi", "Khan", "Silva", "Dlamini", "Nguyen", "Ibrahim",
        "Martin", "Kowalski", "Tanaka", "Hansen", "Pereira", "Mwangi", "Petrov", "Ndlovu", "Santos", "Ali", "Moreau", "Osei",
    ];

    private static readonly string[] Countries = ["KE", "NG", "IN", "BR", "FR", "PH", "ZA", "GH", "ID", "MX", "EG", "BD", "PE", "VN", "TZ", "CO"];

    private static readonly string?[] OrganisationTypes =
        ["government", "workers-organisation", "employers-organisation", "un-agency", "ngo", "academia", "private-sector", "other", null];

    private static readonly string?[] Genders = ["female", "male", "female", "male", "non-binary", "prefer-not-to-say", null];

    public static SeedCounts Fill(string databasePath, IReadOnlyList<Pack> packs, int learners, string passwordHash, int seed, DateTimeOffset now)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            ForeignKeys = true,
        }.ToString());
        connection.Open();
        RequireMigratedAndEmpty(connection, databasePath);
        Execute(connection, null, "PRAGMA synchronous=NORMAL");

        var random = new Random(seed);
        var counts = new Counter();
        using (var transaction = connection.BeginTransaction())
        {
            using var accounts = new Insert(connection, transaction, InsertAccount, 11);
            using var adminRoles = new Insert(connection, transaction, InsertAdminRole, 1);
            using var enrolments = new Insert(connection, transaction, InsertEnrolment, 6);
            using var roles = new Insert(connection, transaction, InsertLearnerRole, 3);
            using var progress = new Insert(connection, transaction, InsertProgress, 8);
            using var goals = new Insert(connection, transaction, InsertGoal, 8);
            using var completions = new Insert(connection, transaction, InsertCompletion, 4);
            var writer = new RecordWriter(enrolments, roles, progress, goals, completions, random, now, counts);

            var nextId = Scalar(connection, transaction, "SELECT coalesce(max(id), 0) + 1 FROM account");
            if (Scalar(connection, transaction, "SELECT count(*) FROM account_role WHERE role = 'admin'") == 0)
            {
                // Without an administrator every page redirects to /setup.
                accounts.Row(nextId, SeedPlan.AdminEmail, SeedPlan.AdminEmail, "Administrator", passwordHash, null, null, null,
                    Iso(now.AddDays(-500)), Iso(now.AddDays(-500)), null);
                adminRoles.Row(nextId);
                nextId++;
                counts.AdminCreated = true;
            }

            for (var learner = 0; learner < learners; learner++)
            {
                var id = nextId + learner;
                var email = SeedPlan.LearnerEmail(learner);
                var name = learner == 0 ? "Known Learner" : $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
                var createdAt = now.AddDays(-30 - random.Next(400)).AddMinutes(-random.Next(1440));
                accounts.Row(id, email, email, name, passwordHash, Countries[random.Next(Countries.Length)],
                    OrganisationTypes[random.Next(OrganisationTypes.Length)], Genders[random.Next(Genders.Length)],
                    Iso(createdAt), Iso(createdAt), Iso(now.AddHours(-random.Next(24 * 30))));
                counts.Learners++;

                var taken = ChooseCourses(random, packs.Count);
                foreach (var course in taken)
                {
                    var pack = packs[course - 1];
                    var profile = (learner, course) switch
                    {
                        (0, 1) => new Profile(SeedPlan.KnownLearnerDone, InProgress: true),
                        (< SeedPlan.JourneyLearners, 1) => new Profile(
                            SeedPlan.KnownLearnerDone + random.Next(pack.Modules.Count - SeedPlan.KnownLearnerDone), InProgress: true),
                        _ => Profile.Draw(random, pack.Modules.Count),
                    };
                    writer.Active(pack, id, createdAt, profile, SeedPacks.HasLearningGoals(course), knownLearner: learner == 0);
                }

                // A few learners left a course after starting it: their record stays, without a place.
                if (random.Next(100) < 3 && packs.Count > taken.Count)
                {
                    var others = Enumerable.Range(2, packs.Count - 1).Where(c => !taken.Contains(c)).ToList();
                    writer.Withdrawn(packs[others[random.Next(others.Count)] - 1], id, createdAt);
                }
            }

            transaction.Commit();
        }

        // The server starts on a short write-ahead log, as it would on a site that has been running for a while.
        Execute(connection, null, "PRAGMA wal_checkpoint(TRUNCATE)");
        return new SeedCounts(counts.Learners, counts.Enrolments, counts.ActiveEnrolments, counts.ProgressRows, counts.DoneRows, counts.Goals,
            counts.Completions, counts.AdminCreated);
    }

    /// <summary>The largest course, and 0–4 of the others with smaller courses less often chosen.</summary>
    private static List<int> ChooseCourses(Random random, int courses)
    {
        var chosen = new List<int> { 1 };
        var extra = random.Next(100) switch
        {
            < 30 => 0,
            < 60 => 1,
            < 80 => 2,
            < 92 => 3,
            _ => 4,
        };
        var candidates = Enumerable.Range(2, Math.Max(0, courses - 1)).ToList();
        while (chosen.Count < 1 + extra && candidates.Count > 0)
        {
            var weights = candidates.Select(c => 1.0 / Math.Pow(c - 1, 0.7)).ToArray();
            var pick = random.NextDouble() * weights.Sum();
            var index = 0;
            while (index < weights.Length - 1 && (pick -= weights[index]) > 0)
            {
                index++;
            }

            chosen.Add(candidates[index]);
            candidates.RemoveAt(index);
        }

        return chosen;
    }

    private static void RequireMigratedAndEmpty(SqliteConnection connection, string path)
    {
        string[] tables = ["account", "enrolment", "course_role", "module_progress", "learning_goal", "course_completion"];
        foreach (var table in tables)
        {
            if (Scalar(connection, null, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $p0", table) == 0)
            {
                throw new InvalidOperationException($"{path} has no table '{table}': run `ecampus migrate` with the same ECAMPUS_DATADIRECTORY first.");
            }
        }

        if (Scalar(connection, null, "SELECT count(*) FROM enrolment") > 0
            || Scalar(connection, null, "SELECT count(*) FROM account WHERE email_normalized = $p0", SeedPlan.KnownLearnerEmail) > 0)
        {
            throw new InvalidOperationException($"{path} already has enrolments or the seeded learner: seed a freshly migrated database.");
        }
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, string? parameter = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("$p0", parameter);
        }

        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Instants as the engine stores them: ISO-8601 UTC text to the millisecond.</summary>
    private static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Where a learner stands in one course: the first <paramref name="Done"/> modules done, the next one started or not.</summary>
    private sealed record Profile(int Done, bool InProgress)
    {
        // 12 % enrolled and never started, 10 % finished, the rest part-way with the next module open.
        public static Profile Draw(Random random, int modules) => random.Next(100) switch
        {
            < 12 => new Profile(0, InProgress: false),
            < 22 => new Profile(modules, InProgress: false),
            _ => new Profile(random.Next(modules), InProgress: true),
        };
    }

    private sealed class Counter
    {
        public int Learners { get; set; }
        public int Enrolments { get; set; }
        public int ActiveEnrolments { get; set; }
        public int ProgressRows { get; set; }
        public int DoneRows { get; set; }
        public int Goals { get; set; }
        public int Completions { get; set; }
        public bool AdminCreated { get; set; }
    }

    private sealed class RecordWriter(Insert enrolments, Insert roles, Insert progress, Insert goals, Insert completions, Random random, DateTimeOffset now, Counter counts)
    {
        public void Active(Pack pack, long accountId, DateTimeOffset createdAt, Profile profile, bool asksForGoals, bool knownLearner)
        {
            var enrolledAt = Between(createdAt, now.AddDays(-7));
            enrolments.Row(pack.Id, accountId, "active", Iso(enrolledAt), Iso(enrolledAt), null);
            roles.Row(pack.Id, accountId, Iso(enrolledAt));
            counts.Enrolments++;
            counts.ActiveEnrolments++;

            var worked = profile.Done > 0 || profile.InProgress;
            var finished = profile.Done == pack.Modules.Count;
            // The course opens only once goals are written, so everyone who worked on it wrote some; a few others did too.
            if (asksForGoals && (worked || random.Next(100) < 40))
            {
                var count = knownLearner ? 3 : 1 + random.Next(worked ? 3 : 2);
                for (var position = 1; position <= count; position++)
                {
                    var writtenAt = enrolledAt.AddMinutes(5 + position);
                    var rated = finished && random.Next(100) < 70;
                    goals.Row(pack.Id, accountId, position, Goal(), rated ? 1 + random.Next(5) : null,
                        rated && random.Next(2) == 0 ? Sentence() : null, Iso(writtenAt), rated ? Iso(now.AddDays(-random.Next(7))) : null);
                    counts.Goals++;
                }
            }

            // Module k is started some time after k-1 was done, and done within a couple of hours; all of it before now.
            var at = enrolledAt.AddMinutes(30);
            var step = (now - at) / (profile.Done + 2);
            var workedCount = profile.Done + (profile.InProgress && profile.Done < pack.Modules.Count ? 1 : 0);
            for (var index = 0; index < workedCount; index++)
            {
                var module = pack.Modules[index];
                var startedAt = at + (step * index) + TimeSpan.FromMinutes(random.Next(600));
                var done = index < profile.Done;
                var completedAt = done ? startedAt.AddMinutes(15 + random.Next(120)) : (DateTimeOffset?)null;
                progress.Row(pack.Id, accountId, module.Id, module.Title, Iso(startedAt), completedAt is { } c ? Iso(c) : null,
                    done ? "learner" : null, pack.ContentHash);
                counts.ProgressRows++;
                counts.DoneRows += done ? 1 : 0;
                if (done && index == pack.Modules.Count - 1)
                {
                    completions.Row(pack.Id, accountId, Iso(completedAt!.Value), pack.ContentHash);
                    counts.Completions++;
                }
            }
        }

        public void Withdrawn(Pack pack, long accountId, DateTimeOffset createdAt)
        {
            var enrolledAt = Between(createdAt, now.AddDays(-14));
            var leftAt = Between(enrolledAt, now.AddDays(-7));
            enrolments.Row(pack.Id, accountId, "withdrawn", Iso(enrolledAt), Iso(enrolledAt), Iso(leftAt));
            counts.Enrolments++;
            var first = pack.Modules[0];
            progress.Row(pack.Id, accountId, first.Id, first.Title, Iso(enrolledAt.AddMinutes(20)), null, null, pack.ContentHash);
            counts.ProgressRows++;
        }

        private DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to) =>
            to <= from ? from : from + TimeSpan.FromMinutes(random.NextDouble() * (to - from).TotalMinutes);

        private string Goal() => random.Next(4) switch
        {
            0 => "Explain the main standards to my team.",
            1 => "Use labour market data in our next policy brief.",
            2 => "Design a survey question that measures informal work.",
            _ => "Prepare a short training session for new colleagues.",
        };

        private string Sentence() => random.Next(3) switch
        {
            0 => "The tables helped most; I still want more practice with real data.",
            1 => "I met this goal and used it at work the week after.",
            _ => "Partly met: I need the next course for the rest.",
        };
    }

    /// <summary>One prepared INSERT reused for every row; parameters are named $p0, $p1, ... in order.</summary>
    private sealed class Insert : IDisposable
    {
        private readonly SqliteCommand command;
        private readonly SqliteParameter[] parameters;

        public Insert(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameterCount)
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            parameters = Enumerable.Range(0, parameterCount)
                .Select(i => command.Parameters.Add(new SqliteParameter(string.Create(CultureInfo.InvariantCulture, $"$p{i}"), DBNull.Value)))
                .ToArray();
            command.Prepare();
        }

        public void Row(params object?[] values)
        {
            if (values.Length != parameters.Length)
            {
                throw new ArgumentException($"{command.CommandText} takes {parameters.Length} values, not {values.Length}.", nameof(values));
            }

            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        public void Dispose() => command.Dispose();
    }
}
