using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Accounts;

/// <summary>An administrator signs a person out everywhere: every browser session and API token ends.</summary>
public sealed record EndAccountSessions(long AccountId) : ICommand<int>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.AdministerSite);
}

public sealed class EndAccountSessionsHandler(IDatabase database, CurrentActor current, TimeProvider time) : ICommandHandler<EndAccountSessions, int>
{
    public async ValueTask<int> Handle(EndAccountSessions command, CancellationToken cancellationToken)
    {
        var now = SiteClock.Now(time);
        return await database.WriteAsync(async (connection, transaction) =>
        {
            var ended = await Sessions.EndAllAsync(connection, transaction, command.AccountId, now);
            await Audit.RecordAsync(connection, transaction, current.Actor.AccountId, "account.sessions-ended", $"account:{command.AccountId}", $"{ended} sessions", now);
            return ended;
        }, cancellationToken);
    }
}
