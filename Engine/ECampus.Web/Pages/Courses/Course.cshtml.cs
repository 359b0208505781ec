using ECampus.Engine.Courses;
using ECampus.Engine.Features.Courses;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Courses;

[AllowAnonymous]
public sealed class CourseModel(IMediator mediator, TimeProvider time) : EcampusPage
{
    public CoursePage Course { get; private set; } = null!;

    [BindProperty] public string? Key { get; set; }

    [BindProperty] public long? CohortId { get; set; }

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public string? Notice => Done switch
    {
        "requested" => "Your request is sent. A tutor will look at it, and you will get an email when they decide.",
        "waitlisted" => "The course is full: you are on the waiting list and will get the next free place.",
        "left" => "You have left the course. What you did in it is kept, should you come back.",
        _ => null,
    };

    /// <summary>The cohort a new learner joins unless they choose: the next to start, else the last one started.</summary>
    public long? DefaultCohortId
    {
        get
        {
            var today = CourseAccess.Today(time);
            return (Course.Cohorts.FirstOrDefault(c => c.StartsOn >= today) ?? Course.Cohorts.LastOrDefault())?.Id;
        }
    }

    /// <summary>When the course next starts: the next cohort's day; with no cohort yet, the pack's own while it is ahead.</summary>
    public DateOnly? NextStart => Course.Course.ScheduleStart is { } packStart
        ? CourseText.NextStart(CourseAccess.Today(time), Course.Cohorts.Count > 0 ? Course.Cohorts.Select(c => c.StartsOn) : [packStart])
        : null;

    public bool CanJoin => Course.Action is EnrolmentActions.Enrol or EnrolmentActions.EnterKey or EnrolmentActions.Request;

    public bool CanLeave => Course.Action is EnrolmentActions.Enrolled or EnrolmentActions.Requested or EnrolmentActions.Waitlisted;

    public async Task OnGetAsync(string courseId, CancellationToken cancellationToken) =>
        Course = await mediator.Send(new GetCourse(courseId), cancellationToken);

    public async Task<IActionResult> OnPostEnrolAsync(string courseId, CancellationToken cancellationToken)
    {
        EnrolmentOutcome? outcome = null;
        if (await TryAsync(async () => outcome = await mediator.Send(new Enrol(courseId, Key, CohortId), cancellationToken)))
        {
            return Redirect(outcome!.Status == EnrolmentRow.Active
                ? CourseText.HomeUrl(courseId)
                : CourseText.CourseUrl(courseId) + "?done=" + Uri.EscapeDataString(outcome.Status));
        }

        await OnGetAsync(courseId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLeaveAsync(string courseId, CancellationToken cancellationToken)
    {
        if (await TryAsync(async () => await mediator.Send(new Unenrol(courseId), cancellationToken)))
        {
            return Redirect(CourseText.CourseUrl(courseId) + "?done=left");
        }

        await OnGetAsync(courseId, cancellationToken);
        return Page();
    }
}
