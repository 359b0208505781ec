using ECampus.Engine.Features.Accounts;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Admin;

public sealed class AccountsModel(IMediator mediator) : EcampusPage
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostStatusAsync(long accountId, string status, CancellationToken cancellationToken) =>
        ActAsync(() => mediator.Send(new ChangeAccountStatus(accountId, status), cancellationToken).AsTask(),
            status == "active" ? "The account is active." : "The account is suspended and signed out everywhere.", cancellationToken);

    public Task<IActionResult> OnPostRolesAsync(long accountId, string[] roles, CancellationToken cancellationToken) =>
        ActAsync(() => mediator.Send(new SetSiteRoles(accountId, roles), cancellationToken).AsTask(), "Roles saved.", cancellationToken);

    public Task<IActionResult> OnPostEndSessionsAsync(long accountId, CancellationToken cancellationToken) =>
        ActAsync(() => mediator.Send(new EndAccountSessions(accountId), cancellationToken).AsTask(), "The account was signed out everywhere.", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken cancellationToken)
    {
        if (await TryAsync(action))
        {
            return RedirectToPage(new { Status, Search, done });
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await TryAsync(async () =>
            {
                var page = await mediator.Send(new ListAccounts(Status, Search, PageNumber), cancellationToken);
                Accounts = page.Accounts;
                HasMore = page.HasMore;
            }))
        {
            return;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
