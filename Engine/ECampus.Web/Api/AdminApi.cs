using ECampus.Engine.Features.Accounts;
using ECampus.Engine.Features.Site;
using ECampus.Engine.Plugins;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Web.Api;

/// <summary>Site administration under <c>/api/v1/admin</c>. Each handler's access rule admits administrators only.</summary>
public static class AdminApi
{
    public sealed record StatusChange(string? Reason);

    public sealed record RolesChange(IReadOnlyList<string> Roles);

    public sealed record SettingsChange(bool RequireApproval);

    public sealed record PluginView(string Id, string Name, string? Version, bool Enabled, string? Problem, string Source);

    public static void MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/v1/admin").WithTags("Administration");

        admin.MapGet("/accounts", async (string? status, string? search, int? page, IMediator mediator) =>
            TypedResults.Ok(await mediator.Send(new ListAccounts(status, search, page ?? 1))))
            .WithSummary("Accounts, newest first; filter by status (pending, active, suspended) or a search on name and email.");

        admin.MapPost("/accounts/{accountId:long}/approve", (long accountId, IMediator mediator) =>
            ChangeStatus(mediator, accountId, "active", null)).WithSummary("Approve a pending account; it may sign in from now on.");
        admin.MapPost("/accounts/{accountId:long}/reactivate", (long accountId, IMediator mediator) =>
            ChangeStatus(mediator, accountId, "active", null)).WithSummary("Lift a suspension.");
        admin.MapPost("/accounts/{accountId:long}/suspend", (long accountId, StatusChange? change, IMediator mediator) =>
            ChangeStatus(mediator, accountId, "suspended", change?.Reason)).WithSummary("Suspend an account; its sessions and tokens end at once.");

        admin.MapPut("/accounts/{accountId:long}/roles", async (long accountId, RolesChange change, IMediator mediator) =>
        {
            await mediator.Send(new SetSiteRoles(accountId, change.Roles ?? []));
            return TypedResults.NoContent();
        }).WithSummary("Set an account's site roles (admin, author).");

        admin.MapDelete("/accounts/{accountId:long}/sessions", async (long accountId, IMediator mediator) =>
            TypedResults.Ok(new { ended = await mediator.Send(new EndAccountSessions(accountId)) }))
            .WithSummary("Sign an account out everywhere.");

        admin.MapGet("/settings", async (IMediator mediator) => TypedResults.Ok((await mediator.Send(new GetSiteStatus())).Settings))
            .RequireAuthorization(Hosting.SitePolicies.Admin);
        admin.MapPut("/settings", async (SettingsChange change, IMediator mediator) =>
        {
            await mediator.Send(new UpdateSiteSettings(change.RequireApproval));
            return TypedResults.NoContent();
        }).WithSummary("Change run-time site settings.");

        admin.MapGet("/plugins", (PluginHost plugins) => TypedResults.Ok(plugins.Plugins.Select(p =>
                new PluginView(p.Id, p.Manifest?.Name ?? p.Id, p.Manifest?.Version.ToString(), p.IsEnabled, p.Problem, Path.GetFileName(p.Source)))))
            .RequireAuthorization(Hosting.SitePolicies.Admin)
            .WithSummary("Installed plug-ins, and why any is disabled.");
    }

    private static async Task<IResult> ChangeStatus(IMediator mediator, long accountId, string status, string? reason)
    {
        await mediator.Send(new ChangeAccountStatus(accountId, status, reason));
        return TypedResults.NoContent();
    }
}
