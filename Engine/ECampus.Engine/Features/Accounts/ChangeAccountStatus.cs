using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Engine.Mail;
using ECampus.Sdk;
using Mediator;
using Microsoft.Extensions.Options;

namespace ECampus.Engine.Features.Accounts;

/// <summary>An administrator approves a pending account, suspends an account, or lifts a suspension.</summary>
public sealed record ChangeAccountStatus(long AccountId, string Status, string? Reason = null) : ICommand, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Require(Permissions.AdministerSite);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Status is not ("active" or "suspended"))
        {
            yield return ("status", "Status must be active (approve or reactivate) or suspended.");
        }

        if (Reason is { Length: > 500 })
        {
            yield return ("reason", "Give a reason of at most 500 characters.");
        }
    }
}

public sealed class ChangeAccountStatusHandler(IDatabase database, CurrentActor current, IEngineEvents events, IOptions<EcampusOptions> options, TimeProvider time)
    : ICommandHandler<ChangeAccountStatus>
{
    public async ValueTask<Unit> Handle(ChangeAccountStatus command, CancellationToken cancellationToken)
    {
        if (command.AccountId == current.Actor.AccountId && command.Status == "suspended")
        {
            throw InvalidInputException.For("status", "You cannot suspend your own account.");
        }

        var now = SiteClock.Now(time);
        var approved = await database.WriteAsync(async (connection, transaction) =>
        {
            var account = await connection.QuerySingleOrDefaultAsync<(string Status, string Email)?>(
                "SELECT status, email FROM account WHERE id = @AccountId", new { command.AccountId }, transaction)
                ?? throw new NotFoundException("There is no such account.");
            await connection.ExecuteAsync(
                "UPDATE account SET status = @Status, approved_at = coalesce(approved_at, CASE WHEN @Status = 'active' THEN @now END) WHERE id = @AccountId",
                new { command.Status, now, command.AccountId }, transaction);
            if (command.Status == "suspended")
            {
                await Sessions.EndAllAsync(connection, transaction, command.AccountId, now);
            }

            if (account.Status == "pending" && command.Status == "active")
            {
                await MailOutbox.EnqueueAsync(connection, transaction, account.Email, "Your ECampus account is approved",
                    $"Welcome! Your account was approved. Sign in at {options.Value.Mail.PublicUrl.TrimEnd('/')}/account/login", now);
            }

            var action = (account.Status, command.Status) switch
            {
                ("pending", "active") => "account.approved",
                (_, "active") => "account.reactivated",
                _ => "account.suspended",
            };
            await Audit.RecordAsync(connection, transaction, current.Actor.AccountId, action, $"account:{command.AccountId}", command.Reason, now);
            return account.Status == "pending" && command.Status == "active"
                ? await events.StageAsync(connection, transaction, new AccountApproved(command.AccountId, now), cancellationToken)
                : null;
        }, cancellationToken);

        if (approved is not null)
        {
            await events.PublishAsync(approved, cancellationToken);
        }

        return Unit.Value;
    }
}
