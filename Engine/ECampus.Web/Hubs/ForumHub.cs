using System.Globalization;
using System.Security.Claims;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Engine.Features.Forums;
using ECampus.Sdk;
using ECampus.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ECampus.Web.Hubs;

/// <summary>
/// Live forums at <c>/hubs/forums</c>. Joining a forum's or thread's group is checked by <see cref="ForumAccess"/>, as
/// pages are; group names are built here from checked ids. Replies sent through the hub are the same use case as the
/// page and the API (a locked thread refuses them). Each person is in their own group for unread counts.
/// </summary>
[Authorize]
public sealed class ForumHub(IDatabase database, ForumAccess access, ForumUnreadCounts unread, ICurrentActor current, IMediator mediator) : Hub
{
    public const string Path = "/hubs/forums";

    public static string ForumGroup(long forumId) => "forum:" + forumId.ToString(CultureInfo.InvariantCulture);

    public static string ThreadGroup(long threadId) => "thread:" + threadId.ToString(CultureInfo.InvariantCulture);

    public static string PersonGroup(long accountId) => "person:" + accountId.ToString(CultureInfo.InvariantCulture);

    public override async Task OnConnectedAsync()
    {
        var accountId = current.Actor.AccountId!.Value;
        await Groups.AddToGroupAsync(Context.ConnectionId, PersonGroup(accountId));
        await Clients.Caller.SendAsync("unread", await unread.GetAsync(accountId, Context.ConnectionAborted), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public async Task JoinForum(long forumId)
    {
        await Checked(() => database.ReadAsync(connection => access.RequireForumAsync(connection, current.Actor, forumId, Context.ConnectionAborted), Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, ForumGroup(forumId));
    }

    public async Task JoinThread(long threadId)
    {
        await Checked(() => database.ReadAsync(connection => access.RequireThreadAsync(connection, current.Actor, threadId, Context.ConnectionAborted), Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, ThreadGroup(threadId));
    }

    public Task LeaveForum(long forumId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, ForumGroup(forumId));

    public Task LeaveThread(long threadId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, ThreadGroup(threadId));

    public Task<long> Reply(long threadId, string body, long? parentPostId = null) =>
        Checked(async () => await mediator.Send(new ReplyToThread(threadId, body, parentPostId), Context.ConnectionAborted));

    // Problems a person can act on reach the caller as their message; anything else stays a generic hub error.
    private static async Task<T> Checked<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (EcampusProblemException problem)
        {
            throw new HubException(problem.Message);
        }
    }
}

/// <summary>
/// Runs before every hub call: re-checks the session (so sign-out, suspension and role changes apply to open
/// connections too) and sets the engine's actor for the call.
/// </summary>
public sealed class HubActorFilter(Sessions sessions) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        await SetActorAsync(invocationContext.Context, invocationContext.ServiceProvider);
        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await SetActorAsync(context.Context, context.ServiceProvider);
        await next(context);
    }

    private async Task SetActorAsync(HubCallerContext context, IServiceProvider services)
    {
        var http = context.GetHttpContext();
        var token = http is null ? null : SessionAuthentication.TokenOf(http);
        var user = context.User;
        if (token is null || user?.Identity?.IsAuthenticated != true || await sessions.FindAsync(token, context.ConnectionAborted) is null)
        {
            context.Abort();
            throw new HubException("Your session has ended; sign in again.");
        }

        services.GetRequiredService<CurrentActor>().Actor = Actor.Account(
            long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture),
            user.FindFirstValue(ClaimTypes.Name) ?? "",
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

}

public static class ForumHubEndpoints
{
    /// <summary>
    /// Maps the hub. A browser sends an Origin with negotiation and the WebSocket handshake; one from another site is
    /// refused before any connection exists (WebSockets are not covered by CORS).
    /// </summary>
    public static void MapForumHub(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<ForumHub>(ForumHub.Path).Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                if (context.Request.Headers.Origin is [{ } origin] && !SameOrigin(context.Request, origin))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                }

                return inner(context);
            };
        });

    private static bool SameOrigin(HttpRequest request, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Pushes forum changes to the people watching the forum or thread, and new unread counts to those notified and to
/// readers (every page of theirs with a live connection shows the same count).
/// </summary>
public sealed class ForumLiveUpdates(IHubContext<ForumHub> hub, ForumUnreadCounts unread) : IEngineEventHandler<ForumChanged>, IEngineEventHandler<ForumUnreadChanged>
{
    public async ValueTask HandleAsync(ForumChanged change, CancellationToken cancellationToken)
    {
        var message = new { change.ForumId, change.ThreadId, change.Change, change.PostId };
        await hub.Clients.Groups(ForumHub.ForumGroup(change.ForumId), ForumHub.ThreadGroup(change.ThreadId)).SendAsync("forumChanged", message, cancellationToken);
    }

    public async ValueTask HandleAsync(ForumUnreadChanged change, CancellationToken cancellationToken)
    {
        // Sent to everyone at once: a post followed by hundreds would otherwise hold its author's request for hundreds
        // of socket writes in a row.
        var counts = await unread.GetManyAsync(change.AccountIds, cancellationToken);
        await Task.WhenAll(counts.Select(c => hub.Clients.Group(ForumHub.PersonGroup(c.Key)).SendAsync("unread", c.Value, cancellationToken)));
    }
}
