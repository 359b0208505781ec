using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Sdk;

/// <summary>What a plug-in may register while the site is being built.</summary>
public sealed class PluginServices(IServiceCollection services, IConfiguration configuration)
{
    private readonly List<ActivityType> _activityTypes = [];

    /// <summary>The site's service collection.</summary>
    public IServiceCollection Services { get; } = services;

    /// <summary>The plug-in's own configuration section (<c>ECampus:Plugins:{Id}</c>).</summary>
    public IConfiguration Configuration { get; } = configuration;

    /// <summary>Activity types this plug-in makes live in packs.</summary>
    public IReadOnlyList<ActivityType> ActivityTypes => _activityTypes;

    /// <summary>Claims an activity type (e.g. <c>quiz</c>) that pack authors may reference.</summary>
    public PluginServices AddActivityType(ActivityType activityType)
    {
        _activityTypes.Add(activityType);
        return this;
    }

    /// <summary>Subscribes a handler to an engine event.</summary>
    public PluginServices AddEventHandler<TEvent, THandler>()
        where TEvent : IEngineEvent
        where THandler : class, IEngineEventHandler<TEvent>
    {
        Services.AddScoped<IEngineEventHandler<TEvent>, THandler>();
        return this;
    }

    /// <summary>Adds items (webinars, deadlines) to the "coming up" slot of learners' dashboards.</summary>
    public PluginServices AddUpcomingItems<TSource>()
        where TSource : class, IUpcomingItems
    {
        Services.AddScoped<IUpcomingItems, TSource>();
        return this;
    }
}

/// <summary>An activity type that pack authors reference in modules (e.g. <c>quiz</c>, <c>webinar</c>).</summary>
/// <param name="Name">The name used in packs.</param>
/// <param name="DisplayName">The name shown to people.</param>
/// <param name="Folder">The pack folder whose files this type owns (e.g. <c>assessments</c>), if any.</param>
/// <param name="Check">
/// Checks one activity file of this type whenever a pack is validated or loaded; its problems are reported with the
/// pack's own, and an error keeps the pack (or its new version) from being served.
/// </param>
/// <param name="PagePath">Where people open an activity of this type: from the course id and activity id to a path on the site.</param>
public sealed record ActivityType(
    string Name, string DisplayName, string? Folder = null, Func<ActivityFile, IEnumerable<ActivityProblem>>? Check = null,
    Func<string, string, string>? PagePath = null);

/// <summary>An activity file of a pack, as the engine read it.</summary>
/// <param name="Id">The activity's id in its pack.</param>
/// <param name="Type">Its activity type.</param>
/// <param name="Title">Its title (the id when the file has none, e.g. a GIFT file).</param>
/// <param name="SourceFile">The file, relative to the pack (e.g. <c>assessments/pre.md</c>).</param>
/// <param name="Format"><c>markdown</c> or <c>gift</c>.</param>
/// <param name="Text">The whole file as written; line 1 is its first line.</param>
public sealed record ActivityFile(string Id, string Type, string Title, string SourceFile, string Format, string Text);

/// <summary>A problem a plug-in found in an activity file, positioned in that file (lines and columns from 1).</summary>
public sealed record ActivityProblem(bool IsError, int Line, int Column, string Code, string Message, string? Hint = null);
