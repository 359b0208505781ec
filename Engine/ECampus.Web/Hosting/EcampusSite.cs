using System.Net;
using ECampus.Engine;
using ECampus.Engine.Access;
using ECampus.Engine.Data;
using ECampus.Engine.Plugins;
using ECampus.Web.Api;
using ECampus.Web.Hubs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ECampus.Web.Hosting;

/// <summary>Composes the ECampus web site: engine services, plug-ins, authentication, pages and the API.</summary>
public static class EcampusSite
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>Builds the site, applies migrations and starts plug-ins; the caller runs it.</summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? customise = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(EcampusSite).Assembly.GetName().Name,
            // Settings ship beside the binary; relative paths in them (data, packs, plug-ins) are taken from where the command runs.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEcampusEnvironment();
        customise?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var options = builder.Configuration.GetSection(EcampusOptions.Section).Get<EcampusOptions>() ?? new EcampusOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });

        AddCoreServices(builder.Services, builder.Configuration);
        builder.Services.AddEcampusWeb(options);

        using var bootLog = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        var plugins = new PluginHost(bootLog.CreateLogger("ECampus.Plugins"));
        plugins.Discover(PluginHost.Folders(options));
        plugins.ConfigureServices(builder.Services, builder.Configuration);
        builder.Services.AddSingleton(plugins);

        var app = builder.Build();
        await MigrateAsync(app.Services, plugins, cancellationToken);
        app.UseEcampusPipeline();
        app.MapEcampusEndpoints();
        plugins.MapEndpoints(app);
        await plugins.StartAsync(app.Services, cancellationToken);
        return app;
    }

    /// <summary>The services every way of running ECampus needs: the site, and each command-line verb.</summary>
    public static void AddCoreServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddEcampusEngine(configuration);
        services.AddMediator(mediator =>
        {
            mediator.ServiceLifetime = ServiceLifetime.Scoped;
            mediator.Assemblies = [typeof(EngineServices)];
            mediator.PipelineBehaviors = [typeof(AccessBehaviour<,>), typeof(ValidationBehaviour<,>)];
        });
    }

    /// <summary>Applies the engine's migrations, then each plug-in's.</summary>
    public static async Task MigrateAsync(IServiceProvider services, PluginHost? plugins, CancellationToken cancellationToken)
    {
        var migrator = services.GetRequiredService<Migrator>();
        await migrator.PrepareAsync(cancellationToken);
        await migrator.ApplyAsync(MigrationSet.FromAssembly("engine", typeof(EngineServices).Assembly), cancellationToken);
        if (plugins is not null)
        {
            await plugins.MigrateAsync(migrator, cancellationToken);
        }
    }

    private static void AddEcampusWeb(this IServiceCollection services, EcampusOptions options)
    {
        var dataDirectory = options.ResolveDataDirectory();
        Directory.CreateDirectory(dataDirectory);
        services.AddDataProtection()
            .SetApplicationName("ECampus")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));

        services.AddAuthentication(SessionAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, SessionAuthentication>(SessionAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(SitePolicies.Admin, policy => policy.RequireRole(ECampus.Sdk.SiteRoles.Admin))
            .AddPolicy(SitePolicies.Author, policy => policy.RequireRole(ECampus.Sdk.SiteRoles.Admin, ECampus.Sdk.SiteRoles.Author));

        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = ApiAntiforgery.HeaderName;
            antiforgery.Cookie.Name = "ecampus-antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Admin", SitePolicies.Admin);
            pages.Conventions.AuthorizeFolder("/Author", SitePolicies.Author);
        });
        ReusedAntiforgeryTokens.Decorate(services);
        services.AddSingleton<ECampus.Sdk.ISitePages, SitePages>();
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi("v1");
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower));
        });
        services.AddSingleton<SetupGate>();

        // Only the site's own script and style are compressed (the forum pages' SignalR client is 48 KB, 13 KB
        // compressed); pages, which carry secrets such as antiforgery tokens, never are.
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.MimeTypes = ["text/css", "text/javascript", "application/javascript"];
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
        });
        services.AddSignalR(signalR =>
        {
            // A post may be 64 KB of text; the hub takes it with room for the envelope, and nothing larger.
            signalR.MaximumReceiveMessageSize = 80 * 1024;
            Microsoft.AspNetCore.SignalR.HubOptionsExtensions.AddFilter<HubActorFilter>(signalR);
        });
        services.AddScoped<ForumLiveUpdates>();
        services.AddScoped<ECampus.Sdk.IEngineEventHandler<ECampus.Engine.Features.Forums.ForumChanged>>(provider => provider.GetRequiredService<ForumLiveUpdates>());
        services.AddScoped<ECampus.Sdk.IEngineEventHandler<ECampus.Engine.Features.Forums.ForumUnreadChanged>>(provider => provider.GetRequiredService<ForumLiveUpdates>());

        if (options.Network.TrustedProxies.Count > 0)
        {
            services.Configure<ForwardedHeadersOptions>(forwarded =>
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                forwarded.KnownIPNetworks.Clear();
                forwarded.KnownProxies.Clear();
                foreach (var proxy in options.Network.TrustedProxies)
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            });
        }
    }

    private static void UseEcampusPipeline(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<EcampusOptions>>().Value;
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            // Problems a person can act on are answers, not failures: they are not logged as errors.
            SuppressDiagnosticsCallback = context => context.Exception is ECampus.Sdk.EcampusProblemException,
        });
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        if (options.Network.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new ManifestEmbeddedFileProvider(typeof(EcampusSite).Assembly, "wwwroot"),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseMiddleware<SetupRedirect>();
        app.UseAuthorization();
        app.UseAntiforgery();
    }

    private static void MapEcampusEndpoints(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealth();
        app.MapAccountsApi();
        app.MapAdminApi();
        app.MapPacksApi();
        app.MapCoursesApi();
        app.MapCourseAssets();
        app.MapForumsApi();
        app.MapForumHub();
        app.MapActivityPages();
        app.MapRazorPages();
        app.MapFallback("/api/{**path}", () => Results.Problem(
            statusCode: 404, title: "Not found", detail: "There is no such API route. The OpenAPI document at /openapi/v1.json lists them all."))
            .AllowAnonymous();
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}

public static class SitePolicies
{
    public const string Admin = "site-admin";
    public const string Author = "site-author";
}
