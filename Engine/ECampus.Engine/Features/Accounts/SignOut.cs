using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Accounts;

/// <summary>Ends the session (or revokes the API token) the request was made with.</summary>
public sealed record SignOut : ICommand, IAccessControlled
{
    public AccessRule Access => AccessRule.Anyone;
}

public sealed class SignOutHandler(IDatabase database, CurrentActor current, TimeProvider time) : ICommandHandler<SignOut>
{
    public async ValueTask<Unit> Handle(SignOut command, CancellationToken cancellationToken)
    {
        if (current.SessionToken is { } token)
        {
            var now = SiteClock.Now(time);
            await database.WriteAsync((connection, transaction) => Sessions.EndAsync(connection, transaction, token, now), cancellationToken);
        }

        return Unit.Value;
    }
}
