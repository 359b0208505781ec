using Dapper;
using ECampus.Content;
using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>Rules shared by the learning-goal use cases.</summary>
public static class Goals
{
    public const int MaxLength = 500;

    /// <summary>Goals are rated once the course is complete, or every module is done.</summary>
    public static bool CanRate(Pack pack, LearnerRecord record, CourseProgress progress) =>
        pack.LearningGoals is not null && record.IsActiveLearner && record.Goals.Count > 0
        && (record.CompletedAt is not null || progress.DoneCount == progress.ModuleCount);

    internal static async Task<(Pack Pack, LearnerRecord Record)> LearnerAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, PackCatalog catalog, string courseId, long accountId, CancellationToken cancellationToken)
    {
        var pack = catalog.RequirePack(courseId).Pack;
        var record = await LearnerRecord.ReadAsync(connection, pack.Id, accountId, cancellationToken, transaction);
        if (!record.IsActiveLearner)
        {
            throw new AccessDeniedException("Only learners enrolled in this course write and rate learning goals.");
        }

        if (pack.LearningGoals is null)
        {
            throw new ConflictException("This course does not ask for learning goals.");
        }

        return (pack, record);
    }
}

/// <summary>A learner writes (or rewrites) their learning goals for a course, before rating them.</summary>
public sealed record SetGoals(string CourseId, IReadOnlyList<string> Goals) : ICommand, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Require(Permissions.TakeCourse, CourseId);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Goals is null || Goals.Count > 20)
        {
            yield return ("goals", "Write at most 20 goals.");
            yield break;
        }

        for (var i = 0; i < Goals.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Goals[i]) || Goals[i].Length > Features.Courses.Goals.MaxLength)
            {
                yield return ($"goals[{i}]", $"Write each goal in 1 to {Features.Courses.Goals.MaxLength} characters.");
            }
        }
    }
}

public sealed class SetGoalsHandler(IDatabase database, PackCatalog catalog, ICurrentActor current, TimeProvider time) : ICommandHandler<SetGoals>
{
    public async ValueTask<Unit> Handle(SetGoals command, CancellationToken cancellationToken)
    {
        var accountId = current.Actor.AccountId!.Value;
        var now = SiteClock.Now(time);
        await database.WriteAsync(async (connection, transaction) =>
        {
            var (pack, record) = await Goals.LearnerAsync(connection, transaction, catalog, command.CourseId, accountId, cancellationToken);
            var asked = pack.LearningGoals!;
            if (command.Goals.Count < Math.Max(1, asked.Min) || command.Goals.Count > asked.Max)
            {
                throw InvalidInputException.For("goals", asked.Min == asked.Max
                    ? $"Write {asked.Max} goals."
                    : $"Write between {Math.Max(1, asked.Min)} and {asked.Max} goals.");
            }

            if (record.Goals.Any(g => g.Rating is not null))
            {
                throw new ConflictException("You have rated your goals; they can no longer be changed.");
            }

            await connection.ExecuteAsync("DELETE FROM learning_goal WHERE course_id = @CourseId AND account_id = @AccountId",
                new { CourseId = pack.Id, AccountId = accountId }, transaction);
            for (var i = 0; i < command.Goals.Count; i++)
            {
                await connection.ExecuteAsync("""
                    INSERT INTO learning_goal (course_id, account_id, position, goal, written_at) VALUES (@CourseId, @AccountId, @Position, @Goal, @Now)
                    """, new { CourseId = pack.Id, AccountId = accountId, Position = i + 1, Goal = command.Goals[i].Trim(), Now = now }, transaction);
            }

            return 0;
        }, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>How far one goal was reached, 1 (not at all) to 5 (fully), with an optional reflection.</summary>
public sealed record GoalRating(int Position, int Rating, string? Reflection = null);

/// <summary>At the end of the course a learner rates every goal.</summary>
public sealed record RateGoals(string CourseId, IReadOnlyList<GoalRating> Ratings) : ICommand, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Require(Permissions.TakeCourse, CourseId);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Ratings is null || Ratings.Count is 0 or > 20)
        {
            yield return ("ratings", "Rate each of your goals.");
            yield break;
        }

        for (var i = 0; i < Ratings.Count; i++)
        {
            if (Ratings[i].Rating is < 1 or > 5)
            {
                yield return ($"ratings[{i}].rating", "Rate from 1 (not reached) to 5 (fully reached).");
            }

            if (Ratings[i].Reflection is { Length: > 2000 })
            {
                yield return ($"ratings[{i}].reflection", "Keep a reflection to 2,000 characters.");
            }
        }
    }
}

public sealed class RateGoalsHandler(IDatabase database, PackCatalog catalog, ICurrentActor current, TimeProvider time) : ICommandHandler<RateGoals>
{
    public async ValueTask<Unit> Handle(RateGoals command, CancellationToken cancellationToken)
    {
        var accountId = current.Actor.AccountId!.Value;
        var now = SiteClock.Now(time);
        await database.WriteAsync(async (connection, transaction) =>
        {
            var (pack, record) = await Goals.LearnerAsync(connection, transaction, catalog, command.CourseId, accountId, cancellationToken);
            if (!Goals.CanRate(pack, record, CourseProgress.Of(pack, record, CourseAccess.Today(time))))
            {
                throw new ConflictException("Goals are rated at the end of the course, once every module is done.");
            }

            var positions = record.Goals.Select(g => (int)g.Position).Order().ToList();
            if (!command.Ratings.Select(r => r.Position).Order().SequenceEqual(positions))
            {
                throw InvalidInputException.For("ratings", $"Rate each of your {positions.Count} goals once.");
            }

            foreach (var rating in command.Ratings)
            {
                await connection.ExecuteAsync("""
                    UPDATE learning_goal SET rating = @Rating, reflection = @Reflection, rated_at = @Now
                    WHERE course_id = @CourseId AND account_id = @AccountId AND position = @Position
                    """, new { rating.Rating, Reflection = string.IsNullOrWhiteSpace(rating.Reflection) ? null : rating.Reflection.Trim(), Now = now, CourseId = pack.Id, AccountId = accountId, rating.Position }, transaction);
            }

            return 0;
        }, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>A learner's goals as their tutor sees them.</summary>
public sealed record LearnerGoals(long AccountId, string DisplayName, long? CohortId, string? CohortName, IReadOnlyList<GoalRow> Goals);

/// <summary>A tutor reads the learning goals and ratings of the cohorts they teach (administrators: all).</summary>
public sealed record ListCohortGoals(string CourseId, long? CohortId = null) : IQuery<IReadOnlyList<LearnerGoals>>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.TeachCourse, CourseId);
}

public sealed class ListCohortGoalsHandler(IDatabase database, PackCatalog catalog, ICurrentActor current) : IQueryHandler<ListCohortGoals, IReadOnlyList<LearnerGoals>>
{
    private const string Sql = """
        SELECT g.account_id, a.display_name, e.cohort_id, c.name AS cohort_name, g.position, g.goal, g.rating, g.reflection
        FROM learning_goal g JOIN account a ON a.id = g.account_id
        JOIN enrolment e ON e.course_id = g.course_id AND e.account_id = g.account_id
        LEFT JOIN cohort c ON c.id = e.cohort_id
        WHERE g.course_id = @CourseId AND e.status = 'active' AND (@CohortId IS NULL OR e.cohort_id = @CohortId)
        ORDER BY a.display_name, g.account_id, g.position
        """;

    private sealed record Row(long AccountId, string DisplayName, long? CohortId, string? CohortName, long Position, string Goal, long? Rating, string? Reflection);

    public async ValueTask<IReadOnlyList<LearnerGoals>> Handle(ListCohortGoals query, CancellationToken cancellationToken)
    {
        catalog.RequirePack(query.CourseId);
        return await database.ReadAsync<IReadOnlyList<LearnerGoals>>(async connection =>
        {
            var taught = await CourseAccess.TaughtCohortsAsync(connection, current.Actor, query.CourseId, cancellationToken);
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, query, cancellationToken: cancellationToken));
            return rows
                .Where(row => taught is null || (row.CohortId is { } cohort ? taught.Contains(cohort) : taught.Count == 0))
                .GroupBy(row => (row.AccountId, row.DisplayName, row.CohortId, row.CohortName))
                .Select(g => new LearnerGoals(g.Key.AccountId, g.Key.DisplayName, g.Key.CohortId, g.Key.CohortName,
                    g.Select(r => new GoalRow(r.Position, r.Goal, r.Rating, r.Reflection)).ToList()))
                .ToList();
        }, cancellationToken);
    }
}
