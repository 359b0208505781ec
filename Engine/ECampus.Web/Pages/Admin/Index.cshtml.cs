using ECampus.Engine.Features.Accounts;
using ECampus.Engine.Features.Site;
using ECampus.Engine.Plugins;
using Mediator;

namespace ECampus.Web.Pages.Admin;

public sealed class IndexModel(IMediator mediator, PluginHost plugins) : EcampusPage
{
    public int Pending { get; private set; }

    public bool RequireApproval { get; private set; }

    public int PluginsEnabled => plugins.Enabled.Count();

    public int PluginsDisabled => plugins.Plugins.Count - PluginsEnabled;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Pending = (await mediator.Send(new ListAccounts("pending"), cancellationToken)).Accounts.Count;
        RequireApproval = (await mediator.Send(new GetSiteStatus(), cancellationToken)).Settings.RequireApproval;
    }
}
