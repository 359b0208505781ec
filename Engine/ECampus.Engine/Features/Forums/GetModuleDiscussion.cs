using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>The discussion forum of a module in the caller's cohort (the first cohort they teach, for tutors).</summary>
public sealed record GetModuleDiscussion(string CourseId, string ModuleId) : IQuery<long>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.TakeCourse, CourseId);
}

public sealed class GetModuleDiscussionHandler(IDatabase database, PackCatalog catalog, ForumAccess access, ICurrentActor current, TimeProvider time)
    : IQueryHandler<GetModuleDiscussion, long>
{
    public async ValueTask<long> Handle(GetModuleDiscussion query, CancellationToken cancellationToken)
    {
        var pack = catalog.RequirePack(query.CourseId).Pack;
        var module = pack.FindModule(query.ModuleId);
        if (module is null || !ForumSpaces.HasDiscussion(pack, module))
        {
            throw new NotFoundException("This module has no discussion.");
        }

        var cohorts = await database.ReadAsync(connection => access.CourseCohortsAsync(connection, current.Actor, pack.Id, cancellationToken), cancellationToken)
            ?? throw new NotFoundException("There is no such course, or you have no access to it.");
        var space = new ForumSpaces.Space(ForumSpaces.ModuleScope(module.Id), module.Id, "Discussion: " + module.Title);
        var ids = await ForumSpaces.EnsureAsync(database, pack.Id, cohorts[0], [space], SiteClock.Now(time), cancellationToken);
        return ids[space.ScopeKey];
    }
}
