using ECampus.Engine;
using ECampus.Engine.Plugins;
using Microsoft.Extensions.Options;

namespace ECampus.Web.Pages.Admin;

public sealed class PluginsModel(PluginHost plugins, IOptions<EcampusOptions> options) : EcampusPage
{
    public IReadOnlyList<LoadedPlugin> Plugins => plugins.Plugins;

    public IReadOnlyList<string> Folders => PluginHost.Folders(options.Value);

    public void OnGet()
    {
    }
}
