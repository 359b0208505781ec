using ECampus.Engine.Courses;
using ECampus.Engine.Features.Courses;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Courses;

[AllowAnonymous]
public sealed class IndexModel(IMediator mediator, TimeProvider time) : EcampusPage
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "format")] public string? Format { get; set; }

    [BindProperty(SupportsGet = true, Name = "language")] public string? Language { get; set; }

    [BindProperty(SupportsGet = true, Name = "tag")] public string? Tag { get; set; }

    [BindProperty(SupportsGet = true, Name = "maxEffortHours")] public int? MaxEffortHours { get; set; }

    public IReadOnlyList<CourseSummary> Courses { get; private set; } = [];

    public IReadOnlyList<string> Formats { get; private set; } = [];

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>When each cohort-paced course next starts: the next cohort's day; with no cohort yet, the pack's own while it is ahead.</summary>
    public IReadOnlyDictionary<string, DateOnly?> NextStarts { get; private set; } = new Dictionary<string, DateOnly?>();

    public bool Filtered => Query is not null || Format is not null || Language is not null || Tag is not null || MaxEffortHours is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await mediator.Send(new ListCourses(), cancellationToken);
        Formats = all.Select(c => c.Format).Distinct().Order(StringComparer.Ordinal).ToList();
        Languages = all.SelectMany(c => c.Languages).Distinct().OrderBy(CourseText.Language, StringComparer.CurrentCulture).ToList();
        Tags = all.SelectMany(c => c.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        if (!Filtered)
        {
            Courses = all;
        }
        else if (ModelState.IsValid)
        {
            await TryAsync(async () => Courses = await mediator.Send(new ListCourses(Format, Language, Tag, MaxEffortHours, Query), cancellationToken));
        }

        var today = CourseAccess.Today(time);
        var starts = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
        foreach (var course in Courses.Where(c => c.ScheduleStart is not null))
        {
            var cohorts = await mediator.Send(new ListCohorts(course.Id), cancellationToken);
            starts[course.Id] = CourseText.NextStart(today, cohorts.Count > 0 ? cohorts.Select(c => c.StartsOn) : [course.ScheduleStart!.Value]);
        }

        NextStarts = starts;
    }
}
