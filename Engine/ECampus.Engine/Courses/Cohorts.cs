using System.Data.Common;
using System.Globalization;
using Dapper;

namespace ECampus.Engine.Courses;

/// <summary>Cohorts of a cohort-paced course, created by authors and administrators (or from the pack's schedule).</summary>
public static class Cohorts
{
    public static string DefaultName(DateOnly startsOn) => $"Starting {startsOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";

    public static async Task<long> CreateAsync(
        DbConnection connection, DbTransaction transaction, string courseId, string name, DateOnly startsOn, int? capacity, DateTimeOffset now)
    {
        var taken = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM cohort WHERE course_id = @CourseId AND name = @Name", new { CourseId = courseId, Name = name }, transaction);
        if (taken > 0)
        {
            throw new Sdk.ConflictException($"This course already has a cohort named \"{name}\".");
        }

        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO cohort (course_id, name, starts_on, capacity, created_at) VALUES (@CourseId, @Name, @StartsOn, @Capacity, @Now) RETURNING id
            """, new { CourseId = courseId, Name = name, StartsOn = startsOn, Capacity = capacity, Now = now }, transaction);
    }

    /// <summary>The cohorts of a course in start order.</summary>
    public static async Task<IReadOnlyList<CohortRow>> ListAsync(DbConnection connection, string courseId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<CohortRow>(new CommandDefinition(
            "SELECT id, course_id, name, starts_on, capacity FROM cohort WHERE course_id = @CourseId ORDER BY starts_on, id",
            new { CourseId = courseId }, cancellationToken: cancellationToken))).ToList();
}
