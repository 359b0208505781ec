using ECampus.Engine.Courses;
using ECampus.Engine.Plugins;

namespace ECampus.Web.Api;

/// <summary>
/// <c>/courses/{courseId}/activities/{activityId}</c>: the one address the engine links an activity by, sent on to the
/// page of the plug-in that owns the activity's type, for people signed in. The plug-in's page decides who may see it.
/// </summary>
public static class ActivityPages
{
    public static void MapActivityPages(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/courses/{courseId}/activities/{activityId}", (string courseId, string activityId, PackCatalog catalog, PluginHost plugins) =>
        {
            var activity = catalog.Find(courseId)?.Pack.FindActivity(activityId);
            var page = activity is null
                ? null
                : plugins.Enabled.SelectMany(p => p.ActivityTypes).FirstOrDefault(t => t.Name == activity.Type)?.PagePath;
            return page is null ? Results.NotFound() : Results.Redirect(page(courseId, activity!.Id));
        }).ExcludeFromDescription();
}
