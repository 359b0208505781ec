using ECampus.Engine.Courses;
using ECampus.Engine.Features.Courses;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ECampus.Web.Pages;

/// <summary>The welcome page for visitors; the dashboard for people signed in.</summary>
[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : EcampusPage
{
    public Dashboard? Dashboard { get; private set; }

    public IEnumerable<DashboardCourse> Learning => Dashboard?.Learning.Where(c => c.Status == EnrolmentRow.Active) ?? [];

    public IEnumerable<DashboardCourse> Waiting => Dashboard?.Learning.Where(c => c.Status != EnrolmentRow.Active) ?? [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            Dashboard = await mediator.Send(new GetDashboard(), cancellationToken);
        }
    }
}
