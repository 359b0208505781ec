using ECampus.Engine.Features.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Web.Pages.Tutor;

public sealed class IndexModel(IMediator mediator) : EcampusPage
{
    public IReadOnlyList<MyCourseRole> Courses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Courses = (await mediator.Send(new GetMyCourseRoles(), cancellationToken)).Where(c => c.Role == CourseRoles.Tutor).ToList();
}
