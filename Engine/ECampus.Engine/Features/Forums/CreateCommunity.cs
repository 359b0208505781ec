using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>Administrators open a community of practice with its forum; private (members only) unless public.</summary>
public sealed record CreateCommunity(string Title, string? Description, bool IsPublic = false, bool OpenToRequests = true) : ICommand<long>, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Require(Permissions.AdministerSite);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200 || Title.Any(char.IsControl))
        {
            yield return ("title", "Give the community a one-line title of at most 200 characters.");
        }

        if (Description is { Length: > 2000 })
        {
            yield return ("description", "A description has at most 2,000 characters.");
        }
    }
}

public sealed class CreateCommunityHandler(IDatabase database, ICurrentActor current, TimeProvider time) : ICommandHandler<CreateCommunity, long>
{
    public async ValueTask<long> Handle(CreateCommunity command, CancellationToken cancellationToken)
    {
        var now = SiteClock.Now(time);
        var title = command.Title.Trim();
        return await database.WriteAsync(async (connection, transaction) =>
        {
            var id = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO forum_community (title, description, is_public, open_to_requests, created_at, created_by)
                VALUES (@Title, @Description, @IsPublic, @OpenToRequests, @Now, @By) RETURNING id
                """, new { Title = title, Description = command.Description?.Trim() ?? "", command.IsPublic, command.OpenToRequests, Now = now, By = current.Actor.AccountId }, transaction);
            await connection.ExecuteAsync("""
                INSERT INTO forum (kind, scope_key, community_id, title, created_at) VALUES ('community', 'community', @Id, @Title, @Now)
                """, new { Id = id, Title = title, Now = now }, transaction);
            return id;
        }, cancellationToken);
    }
}
