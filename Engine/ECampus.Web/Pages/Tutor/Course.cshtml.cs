using ECampus.Engine.Courses;
using ECampus.Engine.Features.Courses;
using Mediator;

namespace ECampus.Web.Pages.Tutor;

public sealed class CourseModel(IMediator mediator) : TutorPageModel(mediator)
{
    public CourseHome Course { get; private set; } = null!;

    public RequestQueue Requests { get; private set; } = null!;

    public IReadOnlyList<EnrolmentEntry> Learners { get; private set; } = [];

    public IReadOnlyList<EnrolmentEntry> Waitlisted { get; private set; } = [];

    public IReadOnlyList<EnrolmentEntry> Removed { get; private set; } = [];

    public IReadOnlyList<LearnerGoals> Goals { get; private set; } = [];

    public Task OnGetAsync(string courseId, CancellationToken cancellationToken) => LoadAsync(courseId, cancellationToken);

    protected override async Task LoadAsync(string? courseId, CancellationToken cancellationToken)
    {
        var id = courseId ?? "";
        Course = await Mediator.Send(new GetCourseHome(id), cancellationToken);
        var enrolments = await Mediator.Send(new ListEnrolments(id), cancellationToken);
        Requests = new RequestQueue(id, enrolments.Where(e => e.Status == EnrolmentRow.Requested).ToList());
        Learners = enrolments.Where(e => e.Status == EnrolmentRow.Active).OrderBy(e => e.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
        Waitlisted = enrolments.Where(e => e.Status == EnrolmentRow.Waitlisted).ToList();
        Removed = enrolments.Where(e => e.Status == EnrolmentRow.Removed).ToList();
        Goals = Course.GoalsPrompt is null ? [] : await Mediator.Send(new ListCohortGoals(id), cancellationToken);
    }
}
