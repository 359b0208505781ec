using ECampus.Engine.Courses;
using ECampus.Engine.Features.Courses;
using Mediator;

namespace ECampus.Web.Pages.Tutor;

public sealed class IndexModel(IMediator mediator) : TutorPageModel(mediator)
{
    public sealed record TutoredCourse(string CourseId, string Title, RequestQueue Queue, int Waitlisted);

    public IReadOnlyList<TutoredCourse> Courses { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(null, cancellationToken);

    protected override async Task LoadAsync(string? courseId, CancellationToken cancellationToken)
    {
        var courses = new List<TutoredCourse>();
        foreach (var course in (await Mediator.Send(new GetDashboard(), cancellationToken)).Tutoring)
        {
            var requests = await Mediator.Send(new ListEnrolments(course.CourseId, EnrolmentRow.Requested), cancellationToken);
            var waiting = await Mediator.Send(new ListEnrolments(course.CourseId, EnrolmentRow.Waitlisted), cancellationToken);
            courses.Add(new TutoredCourse(course.CourseId, course.Title, new RequestQueue(course.CourseId, requests), waiting.Count));
        }

        Courses = courses;
    }
}
