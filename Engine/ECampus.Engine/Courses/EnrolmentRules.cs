using System.Data.Common;
using System.Globalization;
using Dapper;
using ECampus.Content;

namespace ECampus.Engine.Courses;

/// <summary>
/// How people join a course: the pack's <c>enrolment</c> rules, with any administrator's changes on top
/// (<c>course_setting</c>, which replaces the pack's capacity and window as a whole), and whether the course is
/// listed in the catalog.
/// </summary>
public sealed record EnrolmentRules(bool Listed, EnrolmentMode Mode, string? Key, int? Capacity, DateOnly? Opens, DateOnly? Closes)
{
    private const string Sql = """
        SELECT listed, enrolment_mode, enrolment_key, capacity, opens_on, closes_on FROM course_setting WHERE course_id = @CourseId
        """;

    private const string AllSql = """
        SELECT course_id, listed, enrolment_mode, enrolment_key, capacity, opens_on, closes_on FROM course_setting
        """;

    /// <summary>An administrator's settings for one course (property-mapped: Dapper's constructor mapping ignores the day handler).</summary>
    public record Row
    {
        public long Listed { get; init; } = 1;
        public string? EnrolmentMode { get; init; }
        public string? EnrolmentKey { get; init; }
        public long? Capacity { get; init; }
        public DateOnly? OpensOn { get; init; }
        public DateOnly? ClosesOn { get; init; }
    }

    private sealed record RowWithCourse : Row
    {
        public string CourseId { get; init; } = "";
    }

    /// <summary>The rules of one course.</summary>
    public static async Task<EnrolmentRules> ReadAsync(DbConnection connection, Pack pack, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(Sql, new { CourseId = pack.Id }, transaction, cancellationToken: cancellationToken));
        return Of(pack, row);
    }

    /// <summary>The administrator's changes to every course that has any, by course id.</summary>
    public static async Task<IReadOnlyDictionary<string, Row>> ReadAllAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<RowWithCourse>(new CommandDefinition(AllSql, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.CourseId, r => (Row)r, StringComparer.Ordinal);

    public static EnrolmentRules Of(Pack pack, Row? row)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var fromPack = pack.Enrolment;
        if (row is null)
        {
            return new EnrolmentRules(true, fromPack.Mode, fromPack.Key, fromPack.Capacity, fromPack.Opens, fromPack.Closes);
        }

        // An administrator's settings replace the pack's capacity and window as a whole: empty means no limit.
        var mode = row.EnrolmentMode switch
        {
            "open" => EnrolmentMode.Open,
            "key" => EnrolmentMode.Key,
            "approval" => EnrolmentMode.Approval,
            _ => fromPack.Mode,
        };
        return new EnrolmentRules(row.Listed == 1, mode, row.EnrolmentKey ?? fromPack.Key, (int?)row.Capacity, row.OpensOn, row.ClosesOn);
    }

    /// <summary>Why nobody can join on <paramref name="today"/>, or null when enrolment is open.</summary>
    public string? ClosedReason(DateOnly today) =>
        Opens is { } opens && today < opens ? string.Create(CultureInfo.InvariantCulture, $"Enrolment opens on {opens:d MMMM yyyy}.")
        : Closes is { } closes && today > closes ? string.Create(CultureInfo.InvariantCulture, $"Enrolment closed on {closes:d MMMM yyyy}.")
        : null;
}
