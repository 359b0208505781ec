using ECampus.Engine;
using ECampus.Engine.Plugins;
using ECampus.Web.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ECampus.Web.Cli;

/// <summary>The plug-ins the site would load, found the same way from the shell (configured like the site, nothing started).</summary>
internal static class InstalledPlugins
{
    public static PluginHost Discover(out IConfiguration configuration)
    {
        configuration = new ConfigurationBuilder().AddEcampusEnvironment().Build();
        var options = configuration.GetSection(EcampusOptions.Section).Get<EcampusOptions>() ?? new EcampusOptions();
        var plugins = new PluginHost(NullLogger.Instance);
        plugins.Discover(PluginHost.Folders(options));
        return plugins;
    }
}
