using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>The courses the signed-in person takes or tutors.</summary>
public sealed record GetMyCourseRoles : IQuery<IReadOnlyList<MyCourseRole>>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed record MyCourseRole(string CourseId, string Role, DateTimeOffset GrantedAt);

public sealed class GetMyCourseRolesHandler(IDatabase database, ICurrentActor current) : IQueryHandler<GetMyCourseRoles, IReadOnlyList<MyCourseRole>>
{
    private const string Sql = "SELECT course_id, role, granted_at FROM course_role WHERE account_id = @AccountId ORDER BY granted_at DESC";

    public async ValueTask<IReadOnlyList<MyCourseRole>> Handle(GetMyCourseRoles query, CancellationToken cancellationToken) =>
        await database.ReadAsync<IReadOnlyList<MyCourseRole>>(
            async connection => (await connection.QueryAsync<MyCourseRole>(new CommandDefinition(Sql, new { current.Actor.AccountId }, cancellationToken: cancellationToken))).ToList(),
            cancellationToken);
}
