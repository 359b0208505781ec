using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using ECampus.Engine.Data;
using ECampus.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ECampus.Engine.Plugins;

/// <summary>
/// Finds plug-ins (built-in ones shipped beside the host and third-party ones dropped into the plug-in folder, the same
/// way), loads each into its own context, and walks them through registration, migration, endpoint mapping and start.
/// A plug-in that fails any step is disabled with a log line and a reason on the admin page; the site keeps serving.
/// </summary>
public sealed partial class PluginHost(ILogger logger)
{
    public static Version EngineVersion { get; } = Normalize(typeof(PluginHost).Assembly.GetName().Version ?? new Version(0, 1, 0));

    private readonly List<LoadedPlugin> _plugins = [];

    public IReadOnlyList<LoadedPlugin> Plugins => _plugins;

    public IEnumerable<LoadedPlugin> Enabled => _plugins.Where(p => p.IsEnabled);

    /// <summary>Where plug-ins are looked for: the built-in ones beside the host, then the site's plug-in folder.</summary>
    public static IReadOnlyList<string> Folders(EcampusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [Path.Combine(AppContext.BaseDirectory, "plugins"), Path.GetFullPath(options.PluginFolder)];
    }

    /// <summary>Loads every <c>{folder}/{name}/{name}.dll</c> under the given folders.</summary>
    public void Discover(IEnumerable<string> folders)
    {
        foreach (var folder in folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            foreach (var directory in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
            {
                _plugins.Add(Load(directory));
            }
        }

        foreach (var duplicate in _plugins.Where(p => p.IsEnabled).GroupBy(p => p.Id).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            Disable(duplicate, $"Another plug-in with id '{duplicate.Id}' is already loaded from {_plugins.First(p => p.Id == duplicate.Id).Source}.");
        }

        foreach (var plugin in _plugins.Where(p => p.IsEnabled))
        {
            var manifest = plugin.Manifest!;
            if (!ValidId().IsMatch(manifest.Id))
            {
                Disable(plugin, $"Its id '{manifest.Id}' is not lower-case letters, digits and '-'.");
            }
            else if (!manifest.Supports(EngineVersion))
            {
                Disable(plugin, $"It supports engine versions from {manifest.MinimumEngineVersion}{(manifest.EngineVersionBelow is { } below ? $" below {below}" : " on")}, and this engine is {EngineVersion}.");
            }
        }

        OrderByDependencies();
        foreach (var plugin in _plugins)
        {
            _ = IsReady(plugin);
        }
    }

    /// <summary>Lets each enabled plug-in register its services; a plug-in that throws adds none of them.</summary>
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        foreach (var plugin in _plugins.Where(IsReady))
        {
            var own = new ServiceCollection();
            var pluginServices = new PluginServices(own, configuration.GetSection($"ECampus:Plugins:{plugin.Id}"));
            try
            {
                plugin.Instance!.ConfigureServices(pluginServices);
            }
            catch (Exception e)
            {
                Disable(plugin, $"It failed while registering its services: {e.Message}", e);
                continue;
            }

            foreach (var descriptor in own.SelectMany(descriptor => PluginGate.Wrap(plugin, descriptor)))
            {
                services.Add(descriptor);
            }

            plugin.ActivityTypes = pluginServices.ActivityTypes;
        }
    }

    /// <summary>Applies each enabled plug-in's migrations after the engine's; a plug-in whose scripts fail or touch foreign tables, or whose declared personal-data tables and columns are missing, is disabled.</summary>
    public async Task MigrateAsync(Migrator migrator, CancellationToken cancellationToken)
    {
        foreach (var plugin in _plugins.Where(IsReady))
        {
            var set = MigrationSet.FromAssembly(plugin.Id, plugin.Assembly!);
            var foreign = Migrator.TablesOutsidePrefix(set, plugin.Manifest!.TablePrefix);
            if (foreign.Count > 0)
            {
                Disable(plugin, $"Its migrations touch tables it does not own ({string.Join(", ", foreign)}); a plug-in's tables must start with '{plugin.Manifest.TablePrefix}'.");
                continue;
            }

            try
            {
                await migrator.ApplyAsync(set, cancellationToken);
            }
            catch (Exception e) when (e is MigrationFailedException or SchemaTooNewException)
            {
                Disable(plugin, e.Message, e);
                continue;
            }

            var personalData = await migrator.PersonalDataProblemsAsync(plugin.Manifest, cancellationToken);
            if (personalData.Count > 0)
            {
                Disable(plugin, $"Its manifest declares personal data the database does not hold: {string.Join("; ", personalData)}.");
            }
        }
    }

    /// <summary>Maps each enabled plug-in's endpoints behind a gate that answers 503 once the plug-in is disabled.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        foreach (var plugin in _plugins.Where(IsReady))
        {
            var group = endpoints.MapGroup("");
            group.WithMetadata(new PluginEndpointMetadata(plugin.Id));
            group.AddEndpointFilter(async (context, next) => plugin.IsEnabled
                ? await next(context)
                : Results.Problem(statusCode: 503, title: "Plug-in disabled", detail: $"The plug-in '{plugin.Id}' is disabled: {plugin.Problem}"));
            try
            {
                plugin.Instance!.MapEndpoints(group);
            }
            catch (Exception e)
            {
                Disable(plugin, $"It failed while mapping its endpoints: {e.Message}", e);
            }
        }
    }

    public async Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var plugin in _plugins.Where(IsReady))
        {
            try
            {
                await plugin.Instance!.StartAsync(services, cancellationToken);
                LogEnabled(plugin.Id, plugin.Manifest!.Version.ToString(), plugin.Source);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Disable(plugin, $"It failed while starting: {e.Message}", e);
            }
        }
    }

    /// <summary>
    /// The command-line verbs of the enabled plug-ins, leaving out (with a warning) any whose name is in
    /// <paramref name="taken"/> or came from an earlier plug-in, and the verbs of a plug-in that throws creating them.
    /// </summary>
    public IReadOnlyList<Command> CreateCommands(ISet<string> taken, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(taken);
        ArgumentNullException.ThrowIfNull(warnings);
        var commands = new List<Command>();
        foreach (var plugin in _plugins.Where(IsReady))
        {
            List<Command> own;
            try
            {
                own = [.. plugin.Instance!.CreateCommands()];
            }
            catch (Exception e)
            {
                warnings.WriteLine($"The plug-in '{plugin.Id}' failed while creating its commands, so they are left out: {e.Message}");
                continue;
            }

            foreach (var command in own)
            {
                if (taken.Add(command.Name))
                {
                    commands.Add(command);
                }
                else
                {
                    warnings.WriteLine($"The plug-in '{plugin.Id}' adds the verb '{command.Name}', which is already taken; it is left out.");
                }
            }
        }

        return commands;
    }

    /// <summary>
    /// Whether the plug-in may take the next step: it is enabled and so is everything it depends on. A dependency can
    /// be disabled at any step (it throws while starting, say), and its dependents then stop with it.
    /// </summary>
    private bool IsReady(LoadedPlugin plugin)
    {
        if (!plugin.IsEnabled)
        {
            return false;
        }

        var missing = plugin.Manifest!.Dependencies.Where(d => !_plugins.Any(p => p.Id == d && p.IsEnabled)).ToList();
        if (missing.Count > 0)
        {
            Disable(plugin, $"It needs the plug-in(s) {string.Join(", ", missing)}, which are not enabled.");
            return false;
        }

        return true;
    }

    /// <summary>Puts each plug-in after the plug-ins it depends on, so a dependency takes every step first.</summary>
    private void OrderByDependencies()
    {
        var byId = _plugins.Where(p => p.IsEnabled).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var ordered = new List<LoadedPlugin>(_plugins.Count);
        var seen = new HashSet<LoadedPlugin>();

        void Visit(LoadedPlugin plugin)
        {
            // A cycle is cut where it is met; the plug-ins in it still start, in folder order.
            if (!seen.Add(plugin))
            {
                return;
            }

            foreach (var dependency in plugin.IsEnabled ? plugin.Manifest!.Dependencies : [])
            {
                if (byId.TryGetValue(dependency, out var found))
                {
                    Visit(found);
                }
            }

            ordered.Add(plugin);
        }

        foreach (var plugin in _plugins)
        {
            Visit(plugin);
        }

        _plugins.Clear();
        _plugins.AddRange(ordered);
    }

    private LoadedPlugin Load(string directory)
    {
        var name = Path.GetFileName(directory);
        var path = Path.Combine(directory, name + ".dll");
        if (!File.Exists(path))
        {
            return Failed(directory, $"The folder has no {name}.dll; a plug-in folder holds an assembly named after the folder.");
        }

        Assembly assembly;
        try
        {
            assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            return Failed(directory, $"{name}.dll could not be loaded: {e.Message}", e);
        }

        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            return Failed(directory, $"{name}.dll references something missing: {e.Message}", e);
        }

        var pluginTypes = types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEcampusPlugin).IsAssignableFrom(t)).ToList();
        if (pluginTypes.Count != 1)
        {
            return Failed(directory, $"{name}.dll must hold exactly one public class implementing {nameof(IEcampusPlugin)}; it holds {pluginTypes.Count}.");
        }

        try
        {
            var instance = (IEcampusPlugin)Activator.CreateInstance(pluginTypes[0])!;
            _ = instance.Manifest ?? throw new InvalidOperationException("Its manifest is missing.");
            return new LoadedPlugin(directory, instance, assembly, null);
        }
        catch (Exception e)
        {
            return Failed(directory, $"It failed while being created: {(e as TargetInvocationException)?.InnerException?.Message ?? e.Message}", e);
        }
    }

    private LoadedPlugin Failed(string directory, string problem, Exception? e = null)
    {
        var plugin = new LoadedPlugin(directory, null, null, null);
        Disable(plugin, problem, e);
        return plugin;
    }

    private void Disable(LoadedPlugin plugin, string problem, Exception? e = null)
    {
        plugin.Disable(problem);
        LogDisabled(e, plugin.Id, problem);
    }

    private static Version Normalize(Version v) => new(v.Major, v.Minor, Math.Max(0, v.Build));

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex ValidId();

    [LoggerMessage(Level = LogLevel.Error, Message = "Plug-in {PluginId} is disabled: {Problem}")]
    private partial void LogDisabled(Exception? exception, string pluginId, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plug-in {PluginId} {Version} enabled from {Source}")]
    private partial void LogEnabled(string pluginId, string version, string source);
}

/// <summary>Marks an endpoint as belonging to a plug-in.</summary>
public sealed record PluginEndpointMetadata(string PluginId);
