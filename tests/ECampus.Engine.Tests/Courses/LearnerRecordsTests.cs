using Dapper;
using ECampus.Engine.Courses;
using ECampus.Engine.Tests.Data;
using Microsoft.Data.Sqlite;

namespace ECampus.Engine.Tests.Courses;

/// <summary>
/// A learner's record kept between page views is only ever served while its version matches the database's: every
/// change below the enrolment, made by this process or any other, is seen on the next read.
/// </summary>
public sealed class LearnerRecordsTests
{
    private const string Course = "evidence-based-policy";

    private EngineStorage _storage = null!;
    private long _learner;

    [SetUp]
    public async Task CreateLearner()
    {
        _storage = await EngineStorage.CreateAsync();
        using var connection = _storage.Open();
        _learner = connection.ExecuteScalar<long>("""
            INSERT INTO account (email, email_normalized, display_name, password_hash, status, created_at)
            VALUES ('learner@example.org', 'learner@example.org', 'Learner', 'x', 'active', '2026-11-23T10:00:00.000Z') RETURNING id
            """);
        var cohort = connection.ExecuteScalar<long>(
            "INSERT INTO cohort (course_id, name, starts_on, created_at) VALUES (@Course, 'September', '2026-09-07', '2026-08-01T00:00:00.000Z') RETURNING id",
            new { Course });
        connection.Execute("""
            INSERT INTO enrolment (course_id, account_id, cohort_id, status, queued_at, enrolled_at)
            VALUES (@Course, @Learner, @Cohort, 'active', '2026-08-01T00:00:00.000Z', '2026-08-01T00:00:00.000Z')
            """, new { Course, Learner = _learner, Cohort = cohort });
        Execute("""
            INSERT INTO module_progress (course_id, account_id, module_id, module_title, started_at, completed_at, completed_by, content_hash)
            VALUES (@Course, @Learner, 'why-evidence', 'Why evidence', '2026-09-07T09:00:00.000Z', '2026-09-07T10:00:00.000Z', 'learner', 'h1')
            """);
    }

    [TearDown]
    public async Task RemoveStorage() => await _storage.DisposeAsync();

    [Test]
    public async Task NothingChanged_TheKeptRowsAreServedAgain()
    {
        var first = await ReadAsync();
        var second = await ReadAsync();

        Assert.That(second.Progress, Is.SameAs(first.Progress), "the rows were read again although nothing changed");
        Assert.That(second.Progress["why-evidence"].IsDone, Is.True);
    }

    [TestCase("""
        INSERT INTO module_progress (course_id, account_id, module_id, module_title, started_at, content_hash)
        VALUES (@Course, @Learner, 'framing', 'Framing', '2026-09-08T09:00:00.000Z', 'h1')
        """, TestName = "progress inserted")]
    [TestCase("UPDATE module_progress SET completed_at = NULL, completed_by = NULL WHERE account_id = @Learner", TestName = "progress updated")]
    [TestCase("DELETE FROM module_progress WHERE account_id = @Learner", TestName = "progress deleted")]
    [TestCase("""
        INSERT INTO activity_completion (course_id, account_id, activity_type, activity_id, completed_at)
        VALUES (@Course, @Learner, 'quiz', 'pre-course', '2026-09-07T11:00:00.000Z')
        """, TestName = "activity completed")]
    [TestCase("""
        INSERT INTO learning_goal (course_id, account_id, position, goal, written_at)
        VALUES (@Course, @Learner, 1, 'Write a brief', '2026-09-07T08:00:00.000Z')
        """, TestName = "goal written")]
    [TestCase("""
        INSERT INTO course_completion (course_id, account_id, completed_at, content_hash)
        VALUES (@Course, @Learner, '2026-10-20T10:00:00.000Z', 'h1')
        """, TestName = "course completed")]
    public async Task AnotherProcessChangesTheRecord_TheNextReadSeesIt(string change)
    {
        var before = Describe(await ReadAsync());

        Execute(change);

        var after = Describe(await ReadAsync());
        Assert.That(after, Is.Not.EqualTo(before), "a kept record was served after its rows changed");
        Assert.That(after, Is.EqualTo(Describe(await ReadUncachedAsync())));
    }

    [Test]
    public async Task EnrolmentAndCohortChange_AreReadFreshEveryTime()
    {
        await ReadAsync();

        Execute("UPDATE enrolment SET status = 'removed', reason = 'Left the programme' WHERE account_id = @Learner");
        Execute("UPDATE cohort SET starts_on = '2026-10-05'");

        var record = await ReadAsync();
        Assert.That(record.IsActiveLearner, Is.False);
        Assert.That(record.Enrolment!.Reason, Is.EqualTo("Left the programme"));
        Assert.That(record.Cohort!.StartsOn, Is.EqualTo(new DateOnly(2026, 10, 5)));
    }

    [Test]
    public async Task EnrolmentCreatedAgainUnderTheSameIds_DoesNotMeetTheOldRecord()
    {
        await ReadAsync();

        // The account goes (its records with it) and the same ids come back, as SQLite may reuse the highest rowid.
        Execute("DELETE FROM account WHERE id = @Learner");
        Execute("""
            INSERT INTO account (id, email, email_normalized, display_name, password_hash, status, created_at)
            VALUES (@Learner, 'new@example.org', 'new@example.org', 'Someone else', 'x', 'active', '2026-11-23T10:00:00.000Z')
            """);
        Execute("""
            INSERT INTO enrolment (course_id, account_id, status, queued_at, enrolled_at)
            VALUES (@Course, @Learner, 'active', '2026-11-23T10:00:00.000Z', '2026-11-23T10:00:00.000Z')
            """);

        var record = await ReadAsync();
        Assert.That(record.Progress, Is.Empty, "the previous holder's progress was served to the new account");
    }

    [Test]
    public async Task NeverEnrolled_ReadsAsNoRecord()
    {
        Execute("DELETE FROM enrolment");

        Assert.That(await ReadAsync(), Is.SameAs(LearnerRecord.None));
    }

    private Task<LearnerRecord> ReadAsync() =>
        _storage.Database.ReadAsync(connection => _storage.Get<LearnerRecords>().ReadAsync(connection, Course, _learner, CancellationToken.None), CancellationToken.None);

    private Task<LearnerRecord> ReadUncachedAsync() =>
        _storage.Database.ReadAsync(connection => LearnerRecord.ReadAsync(connection, Course, _learner, CancellationToken.None), CancellationToken.None);

    // A connection of its own, outside the engine's write path: what another process sharing the file would do.
    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_storage.Database.Path};Pooling=False;Foreign Keys=True");
        connection.Open();
        connection.Execute(sql, new { Course, Learner = _learner });
    }

    private static string Describe(LearnerRecord record) => string.Join("; ",
        record.Enrolment?.Status,
        string.Join(",", record.Progress.Values.OrderBy(p => p.ModuleId).Select(p => $"{p.ModuleId}:{p.IsDone}")),
        string.Join(",", record.CompletedActivities.Order()),
        string.Join(",", record.Goals.Select(g => g.Goal)),
        record.CompletedAt?.ToString("O"));
}
