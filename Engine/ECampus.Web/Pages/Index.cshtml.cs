using ECampus.Engine.Features.Courses;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ECampus.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : EcampusPage
{
    public IReadOnlyList<MyCourseRole>? Courses { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            Courses = await mediator.Send(new GetMyCourseRoles(), cancellationToken);
        }
    }
}
