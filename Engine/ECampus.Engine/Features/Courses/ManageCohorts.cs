using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>A cohort with its tutors and how many places are taken.</summary>
public sealed record CohortSummary(long Id, string Name, DateOnly StartsOn, int? Capacity, long Learners, IReadOnlyList<TutorName> Tutors);

public sealed record TutorName(long AccountId, string DisplayName);

/// <summary>The cohorts of a course with their tutors; shown on the public course page, so open to anyone.</summary>
public sealed record ListCohorts(string CourseId) : IQuery<IReadOnlyList<CohortSummary>>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.ViewCourse, CourseId);
}

public sealed class ListCohortsHandler(IDatabase database, PackCatalog catalog) : IQueryHandler<ListCohorts, IReadOnlyList<CohortSummary>>
{
    private const string Sql = """
        SELECT c.id, c.name, c.starts_on, c.capacity,
               (SELECT count(*) FROM enrolment e WHERE e.cohort_id = c.id AND e.status = 'active') AS learners
        FROM cohort c WHERE c.course_id = @CourseId ORDER BY c.starts_on, c.id;
        SELECT t.cohort_id, a.id AS account_id, a.display_name FROM cohort_tutor t JOIN cohort c ON c.id = t.cohort_id
        JOIN account a ON a.id = t.account_id WHERE c.course_id = @CourseId ORDER BY a.display_name;
        """;

    private sealed record Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public DateOnly StartsOn { get; init; }
        public long? Capacity { get; init; }
        public long Learners { get; init; }
    }

    private sealed record TutorRow(long CohortId, long AccountId, string DisplayName);

    public async ValueTask<IReadOnlyList<CohortSummary>> Handle(ListCohorts query, CancellationToken cancellationToken)
    {
        catalog.RequirePack(query.CourseId);
        return await database.ReadAsync<IReadOnlyList<CohortSummary>>(async connection =>
        {
            using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new { query.CourseId }, cancellationToken: cancellationToken));
            var cohorts = (await results.ReadAsync<Row>()).ToList();
            var tutors = (await results.ReadAsync<TutorRow>()).ToLookup(t => t.CohortId);
            return cohorts.Select(c => new CohortSummary(c.Id, c.Name, c.StartsOn, (int?)c.Capacity, c.Learners,
                tutors[c.Id].Select(t => new TutorName(t.AccountId, t.DisplayName)).ToList())).ToList();
        }, cancellationToken);
    }
}

/// <summary>An author or administrator opens a new cohort of a cohort-paced course.</summary>
public sealed record CreateCohort(string CourseId, string Name, DateOnly StartsOn, int? Capacity = null) : ICommand<long>, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Require(Permissions.AuthorCourses);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100)
        {
            yield return ("name", "Name the cohort in 1 to 100 characters.");
        }

        if (Capacity is <= 0 or > 100_000)
        {
            yield return ("capacity", "Capacity is a whole number from 1 to 100,000, or empty for no limit.");
        }
    }
}

public sealed class CreateCohortHandler(IDatabase database, PackCatalog catalog, CurrentActor current, TimeProvider time) : ICommandHandler<CreateCohort, long>
{
    public async ValueTask<long> Handle(CreateCohort command, CancellationToken cancellationToken)
    {
        var pack = catalog.RequirePack(command.CourseId).Pack;
        if (pack.Schedule is null)
        {
            throw new ConflictException("This course is not cohort-paced: its pack.yml has no schedule.");
        }

        var now = SiteClock.Now(time);
        return await database.WriteAsync(async (connection, transaction) =>
        {
            var id = await Cohorts.CreateAsync(connection, transaction, pack.Id, command.Name.Trim(), command.StartsOn, command.Capacity, now);
            await Audit.RecordAsync(connection, transaction, current.Actor.AccountId, "cohort.created", $"course:{pack.Id}", $"cohort {id}: {command.Name}", now);
            return id;
        }, cancellationToken);
    }
}

/// <summary>
/// An author or administrator makes someone a tutor of a cohort (or of the whole course when it has no cohorts), or
/// stops them being one.
/// </summary>
public sealed record AssignTutor(string CourseId, long? CohortId, long AccountId, bool Assign = true) : ICommand, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.AuthorCourses);
}

public sealed class AssignTutorHandler(IDatabase database, PackCatalog catalog, CurrentActor current, TimeProvider time) : ICommandHandler<AssignTutor>
{
    public async ValueTask<Unit> Handle(AssignTutor command, CancellationToken cancellationToken)
    {
        var pack = catalog.RequirePack(command.CourseId).Pack;
        var now = SiteClock.Now(time);
        await database.WriteAsync(async (connection, transaction) =>
        {
            var status = await connection.ExecuteScalarAsync<string?>("SELECT status FROM account WHERE id = @AccountId", new { command.AccountId }, transaction);
            if (status != "active")
            {
                throw InvalidInputException.For("accountId", "There is no active account with this id.");
            }

            if (command.CohortId is { } cohortId)
            {
                var inCourse = await connection.ExecuteScalarAsync<long>(
                    "SELECT count(*) FROM cohort WHERE id = @CohortId AND course_id = @CourseId", new { CohortId = cohortId, command.CourseId }, transaction);
                if (inCourse == 0)
                {
                    throw new NotFoundException("This course has no such cohort.");
                }

                await connection.ExecuteAsync(command.Assign
                    ? "INSERT INTO cohort_tutor (cohort_id, account_id, assigned_at) VALUES (@CohortId, @AccountId, @Now) ON CONFLICT DO NOTHING"
                    : "DELETE FROM cohort_tutor WHERE cohort_id = @CohortId AND account_id = @AccountId",
                    new { CohortId = cohortId, command.AccountId, Now = now }, transaction);
            }
            else if (pack.Schedule is not null)
            {
                throw InvalidInputException.For("cohortId", "Tutors of a cohort-paced course are assigned to a cohort.");
            }

            // course_role holds a tutor while they teach the course itself or any of its cohorts.
            var stillTeaches = command.Assign || (command.CohortId is not null && await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM cohort_tutor t JOIN cohort c ON c.id = t.cohort_id WHERE c.course_id = @CourseId AND t.account_id = @AccountId",
                new { command.CourseId, command.AccountId }, transaction) > 0);
            await connection.ExecuteAsync(stillTeaches
                ? "INSERT INTO course_role (course_id, account_id, role, granted_at) VALUES (@CourseId, @AccountId, 'tutor', @Now) ON CONFLICT DO NOTHING"
                : "DELETE FROM course_role WHERE course_id = @CourseId AND account_id = @AccountId AND role = 'tutor'",
                new { command.CourseId, command.AccountId, Now = now }, transaction);
            await Audit.RecordAsync(connection, transaction, current.Actor.AccountId, command.Assign ? "tutor.assigned" : "tutor.unassigned",
                $"course:{pack.Id}", $"account {command.AccountId}, cohort {command.CohortId}", now);
            return 0;
        }, cancellationToken);
        return Unit.Value;
    }
}
