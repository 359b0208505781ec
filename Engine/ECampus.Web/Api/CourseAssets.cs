using ECampus.Engine.Courses;
using ECampus.Sdk;
using Microsoft.Net.Http.Headers;

namespace ECampus.Web.Api;

/// <summary>
/// A pack's files under <c>assets/</c>, at <c>/courses/{courseId}/assets/{path}</c>: for those who may read the
/// course's modules (and anyone, when the course has a public preview). Only files found when the pack loaded are
/// served, with their content type and an ETag from their content; browsers revalidate after an hour.
/// </summary>
public static class CourseAssets
{
    public static void MapCourseAssets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/courses/{courseId}/assets/{**path}", async (string courseId, string path, HttpContext context,
            PackCatalog catalog, ICurrentActor current, IAccessPolicy policy) =>
        {
            var pack = catalog.Find(courseId)?.Pack;
            var asset = pack?.FindAsset("assets/" + path);
            if (pack is null || asset is null)
            {
                return Results.NotFound();
            }

            var actor = current.Actor;
            if (!pack.PreviewFirstModule && !(actor.IsSignedIn && await policy.IsAllowedAsync(actor, Permissions.TakeCourse, pack.Id, context.RequestAborted)))
            {
                return actor.IsSignedIn ? Results.NotFound() : Results.Challenge();
            }

            var headers = context.Response.Headers;
            headers.CacheControl = "private, max-age=3600";
            if (asset.IsActiveContent)
            {
                // An SVG can carry script: opened on its own it runs in a sandbox with nothing allowed.
                headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            }

            var stream = asset.OpenRead();
            return stream is null
                ? Results.NotFound()
                : Results.Stream(stream, asset.ContentType, entityTag: EntityTagHeaderValue.Parse(asset.ETag), enableRangeProcessing: true);
        })
        .AllowAnonymous()
        .ExcludeFromDescription();
}
