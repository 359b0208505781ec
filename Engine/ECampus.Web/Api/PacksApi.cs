using ECampus.Engine.Features.Packs;
using Mediator;

namespace ECampus.Web.Api;

/// <summary>Content packs under <c>/api/v1/admin/packs</c>; the handler's access rule admits authors and administrators.</summary>
public static class PacksApi
{
    public static void MapPacksApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/admin/packs", async (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new ListPackReports(), cancellationToken)))
            .WithTags("Administration")
            .WithSummary("Every pack folder: what is served from it, and each error and warning of its last load with file, line and column.");
    }
}
