using ECampus.Engine.Features.Accounts;
using ECampus.Engine.Features.Courses;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Admin;

public sealed class CourseModel(IMediator mediator) : EcampusPage
{
    public CoursePage Course { get; private set; } = null!;

    [BindProperty] public bool Listed { get; set; }

    [BindProperty] public string? EnrolmentMode { get; set; }

    [BindProperty] public string? EnrolmentKey { get; set; }

    [BindProperty] public int? Capacity { get; set; }

    [BindProperty] public DateOnly? Opens { get; set; }

    [BindProperty] public DateOnly? Closes { get; set; }

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public bool CohortPaced => Course.Course.ScheduleStart is not null;

    public string? Notice => Done switch
    {
        "settings" => "The settings are saved.",
        "cohort" => "The cohort is open.",
        "tutor" => "The tutor is assigned.",
        "untutor" => "The tutor no longer tutors there.",
        _ => null,
    };

    public async Task OnGetAsync(string courseId, CancellationToken cancellationToken)
    {
        await LoadAsync(courseId, cancellationToken);
        ShowSavedSettings();
    }

    public Task<IActionResult> OnPostSettingsAsync(string courseId, CancellationToken cancellationToken) =>
        ActAsync(courseId, "settings", () => mediator.Send(new UpdateCourseSettings(
            courseId, Listed, string.IsNullOrEmpty(EnrolmentMode) ? null : EnrolmentMode, EnrolmentKey, Capacity, Opens, Closes), cancellationToken).AsTask(), cancellationToken);

    public Task<IActionResult> OnPostCohortAsync(string courseId, string? cohortName, DateOnly? startsOn, int? cohortCapacity, CancellationToken cancellationToken) =>
        ActAsync(courseId, "cohort", async () =>
        {
            if (startsOn is null)
            {
                throw ECampus.Sdk.InvalidInputException.For("startsOn", "Give the day the cohort starts.");
            }

            await mediator.Send(new CreateCohort(courseId, cohortName ?? "", startsOn.Value, cohortCapacity), cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostTutorAsync(string courseId, string? tutorEmail, long? cohortId, CancellationToken cancellationToken) =>
        ActAsync(courseId, "tutor", async () =>
        {
            var email = tutorEmail?.Trim() ?? "";
            var found = email.Length == 0 ? [] : (await mediator.Send(new ListAccounts("active", email), cancellationToken)).Accounts;
            var account = found.FirstOrDefault(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase))
                ?? throw ECampus.Sdk.InvalidInputException.For("tutorEmail", "No active account has this email address.");
            await mediator.Send(new AssignTutor(courseId, cohortId, account.Id), cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostUntutorAsync(string courseId, long accountId, long? cohortId, CancellationToken cancellationToken) =>
        ActAsync(courseId, "untutor", () => mediator.Send(new AssignTutor(courseId, cohortId, accountId, Assign: false), cancellationToken).AsTask(), cancellationToken);

    private async Task<IActionResult> ActAsync(string courseId, string done, Func<Task> action, CancellationToken cancellationToken)
    {
        if (await TryAsync(action))
        {
            return Redirect(CourseText.AdminUrl(courseId) + "?done=" + done);
        }

        await LoadAsync(courseId, cancellationToken);
        if (done != "settings")
        {
            ShowSavedSettings();
        }

        return Page();
    }

    private void ShowSavedSettings()
    {
        var summary = Course.Course;
        (Listed, EnrolmentMode, EnrolmentKey, Capacity, Opens, Closes) =
            (summary.Listed, summary.EnrolmentMode, null, summary.Capacity, summary.EnrolmentOpens, summary.EnrolmentCloses);
    }

    private async Task LoadAsync(string courseId, CancellationToken cancellationToken) =>
        Course = await mediator.Send(new GetCourse(courseId), cancellationToken);
}
