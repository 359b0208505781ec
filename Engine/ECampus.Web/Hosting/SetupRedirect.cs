using ECampus.Engine.Features.Site;
using Mediator;

namespace ECampus.Web.Hosting;

/// <summary>Remembers once the site has an administrator, so only a fresh site pays for the check.</summary>
public sealed class SetupGate
{
    private volatile bool _isSetUp;

    public async ValueTask<bool> IsSetUpAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        if (!_isSetUp)
        {
            _isSetUp = (await mediator.Send(new GetSiteStatus(), cancellationToken)).IsSetUp;
        }

        return _isSetUp;
    }
}

/// <summary>Leads the first visitor of a fresh site to the one-time setup page that creates the administrator.</summary>
public sealed class SetupRedirect(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SetupGate gate, IMediator mediator)
    {
        var path = context.Request.Path;
        var exempt = EcampusSite.IsApi(context) || path.StartsWithSegments("/setup") || path.StartsWithSegments("/healthz")
            || path.StartsWithSegments("/error") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/css");
        if (!exempt && HttpMethods.IsGet(context.Request.Method) && !await gate.IsSetUpAsync(mediator, context.RequestAborted))
        {
            context.Response.Redirect("/setup");
            return;
        }

        await next(context);
    }
}
