using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>
/// The catalog: listed courses, filtered by format, language, topic tag and most effort, and searched by words in the
/// title, summary, audience and tags. Administrators and authors also see unlisted courses.
/// </summary>
public sealed record ListCourses(string? Format = null, string? Language = null, string? Tag = null, int? MaxEffortHours = null, string? Query = null)
    : IQuery<IReadOnlyList<CourseSummary>>, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Anyone;

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Query is { Length: > 200 })
        {
            yield return ("q", "Search with at most 200 characters.");
        }

        if (MaxEffortHours is < 0)
        {
            yield return ("maxEffortHours", "Effort is a number of hours, 0 or more.");
        }
    }
}

public sealed class ListCoursesHandler(IDatabase database, PackCatalog catalog, ICurrentActor current) : IQueryHandler<ListCourses, IReadOnlyList<CourseSummary>>
{
    public async ValueTask<IReadOnlyList<CourseSummary>> Handle(ListCourses query, CancellationToken cancellationToken)
    {
        var settings = await database.ReadAsync(connection => EnrolmentRules.ReadAllAsync(connection, cancellationToken), cancellationToken);
        var words = (query.Query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var staff = current.Actor.IsStaff();
        return catalog.Packs
            .Select(course => CourseSummary.Of(course.Pack, EnrolmentRules.Of(course.Pack, settings.GetValueOrDefault(course.Id))))
            .Where(c => c.Listed || staff)
            .Where(c => query.Format is null || c.Format == query.Format)
            .Where(c => query.Language is null || c.Languages.Contains(query.Language, StringComparer.OrdinalIgnoreCase))
            .Where(c => query.Tag is null || c.Tags.Contains(query.Tag, StringComparer.OrdinalIgnoreCase))
            .Where(c => query.MaxEffortHours is null || c.EffortMinutes <= query.MaxEffortHours * 60)
            .Where(c => words.All(word => Matches(c, word)))
            .OrderBy(c => c.Title, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    private static bool Matches(CourseSummary course, string word) =>
        course.Title.Contains(word, StringComparison.OrdinalIgnoreCase)
        || (course.Summary?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false)
        || (course.Audience?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false)
        || course.Tags.Any(tag => tag.Contains(word, StringComparison.OrdinalIgnoreCase));
}
