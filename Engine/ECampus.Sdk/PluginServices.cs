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
public sealed record ActivityType(string Name, string DisplayName, string? Folder = null);
