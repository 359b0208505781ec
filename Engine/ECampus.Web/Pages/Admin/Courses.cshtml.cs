using ECampus.Engine.Courses;
using ECampus.Engine.Features.Courses;
using Mediator;

namespace ECampus.Web.Pages.Admin;

public sealed class CoursesModel(IMediator mediator) : EcampusPage
{
    public IReadOnlyList<CourseSummary> Courses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Courses = await mediator.Send(new ListCourses(), cancellationToken);
}
