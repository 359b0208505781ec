using ECampus.Engine.Features.Forums;
using Mediator;

namespace ECampus.Web.Pages.Forums;

/// <summary>The signed-in person's forum notifications; the nav's unread badge leads here.</summary>
public sealed class NotificationsModel(IMediator mediator) : EcampusPage
{
    public ForumNotifications Notifications { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Notifications = await mediator.Send(new ListNotifications(), cancellationToken);
}
