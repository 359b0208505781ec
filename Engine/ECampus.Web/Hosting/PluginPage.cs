using System.Net;
using ECampus.Sdk;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ECampus.Web.Hosting;

/// <summary>A plug-in's page: its title and the HTML of its main content, shown inside the site's layout.</summary>
public sealed record PluginPage(string Title, string Body);

/// <summary>Renders plug-in pages through <c>Pages/Shared/_PluginPage.cshtml</c>, so they share the layout of the site's own.</summary>
internal sealed class SitePages(IAntiforgery antiforgery) : ISitePages
{
    private const string View = "/Pages/Shared/_PluginPage.cshtml";

    public IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK) => new PageResult(new PluginPage(title, body), statusCode);

    public string AntiforgeryField(HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"<input name=\"{WebUtility.HtmlEncode(tokens.FormFieldName)}\" type=\"hidden\" value=\"{WebUtility.HtmlEncode(tokens.RequestToken)}\">";
    }

    public Task<bool> IsFormValidAsync(HttpContext context) => antiforgery.IsRequestValidAsync(context);

    private sealed class PageResult(PluginPage page, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var services = httpContext.RequestServices;
            var action = new ActionContext(httpContext, httpContext.GetRouteData(), new ActionDescriptor());
            var view = new ViewResult
            {
                ViewName = View,
                StatusCode = statusCode,
                ViewData = new ViewDataDictionary<PluginPage>(services.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary()) { Model = page },
            };
            return services.GetRequiredService<IActionResultExecutor<ViewResult>>().ExecuteAsync(action, view);
        }
    }
}
