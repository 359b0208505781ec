using System.CommandLine;
using Microsoft.AspNetCore.Routing;

namespace ECampus.Sdk;

/// <summary>
/// A plug-in: found in a plug-in folder, loaded into its own load context, and given a chance to
/// register services, map endpoints and start. Built-in plug-ins are found exactly the same way.
/// </summary>
/// <remarks>
/// A plug-in reaches the engine only through the interfaces in this assembly, resolved by plain
/// dependency injection. Any exception thrown from these members disables the plug-in; the site keeps serving.
/// </remarks>
public interface IEcampusPlugin
{
    /// <summary>Who the plug-in is and which engine versions it supports.</summary>
    PluginManifest Manifest { get; }

    /// <summary>Registers the plug-in's services, activity types and engine event handlers.</summary>
    void ConfigureServices(PluginServices services);

    /// <summary>
    /// Maps the plug-in's endpoints. Every endpoint requires a signed-in user unless it says otherwise,
    /// and handlers still ask <see cref="IAccessPolicy"/> what the caller may do in a course.
    /// </summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>Runs once when the site starts, after the plug-in's migrations are applied.</summary>
    ValueTask StartAsync(IServiceProvider services, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// Verbs the plug-in adds to the <c>ecampus</c> command (e.g. <c>ecampus quiz export-gift</c>), each named after the
    /// plug-in's subject. They run from the shell without the site: they read and write files and the console, and end
    /// with an exit code (0 done, 1 the input was wrong, 2 the command was used wrongly). A verb whose name the engine
    /// or an earlier plug-in already uses is left out with a warning.
    /// </summary>
    IEnumerable<Command> CreateCommands() => [];
}
