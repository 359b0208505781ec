using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using ECampus.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ECampus.Testing;

/// <summary>
/// A real ECampus site for a test: Kestrel on 127.0.0.1 with a free port, a real SQLite file in a fresh folder,
/// the full middleware pipeline. Disposing stops it and removes the folder.
/// </summary>
public sealed partial class TestSite : IAsyncDisposable
{
    public const string StrongPassword = "a long learning phrase";

    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;
    private WebApplication _app;

    private TestSite(string root, Dictionary<string, string?> settings, TimeProvider? time, WebApplication app, Uri baseAddress)
    {
        Root = root;
        _settings = settings;
        _time = time;
        _app = app;
        BaseAddress = baseAddress;
    }

    public string Root { get; }

    public Uri BaseAddress { get; private set; }

    public IServiceProvider Services => _app.Services;

    public string DataDirectory => Path.Combine(Root, "data");

    public string DatabasePath => Path.Combine(DataDirectory, "ecampus.db");

    public string PluginFolder => Path.Combine(Root, "plugins");

    public string MailFolder => Path.Combine(DataDirectory, "mail");

    /// <summary>
    /// Starts a site; <paramref name="configure"/> may add or override settings (keys like <c>ECampus:Accounts:MaxFailuresPerAccount</c>),
    /// and <paramref name="time"/> replaces the site's clock (e.g. a <see cref="ManualClock"/>).
    /// </summary>
    public static async Task<TestSite> StartAsync(Action<Dictionary<string, string?>>? configure = null, string? root = null, TimeProvider? time = null)
    {
        root ??= Directory.CreateTempSubdirectory("ecampus-test-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["ECampus:DataDirectory"] = Path.Combine(root, "data"),
            ["ECampus:PluginFolder"] = Path.Combine(root, "plugins"),
            ["ECampus:PackFolders:0"] = Path.Combine(root, "packs"),
            ["ECampus:Mail:PublicUrl"] = "http://127.0.0.1",
        };
        configure?.Invoke(settings);
        var (app, address) = await LaunchAsync(settings, time);
        return new TestSite(root, settings, time, app, address);
    }

    /// <summary>Stops the site and starts it again on the same data folder, as after a deployment or a crash.</summary>
    public async Task RestartAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        (_app, BaseAddress) = await LaunchAsync(_settings, _time);
    }

    private static async Task<(WebApplication, Uri)> LaunchAsync(Dictionary<string, string?> settings, TimeProvider? time)
    {
        var app = await EcampusSite.BuildAsync(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            if (time is not null)
            {
                builder.Host.UseServiceProviderFactory(new ClockReplacingFactory(time));
            }

            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }

    /// <summary>A client with its own cookie jar that does not follow redirects, so tests see each answer.</summary>
    public HttpClient Client(bool followRedirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>Sends an engine request as the site itself (as the command line does).</summary>
    public async Task<TResponse> SendAsSystemAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<TResponse> SendAsSystemAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    /// <summary>Creates an active account directly in the database, with site roles.</summary>
    public async Task<long> CreateAccountAsync(string email, string displayName = "Test Person", string password = StrongPassword, params string[] siteRoles)
    {
        var id = await SendAsSystemAsync(new ECampus.Engine.Features.Accounts.RegisterAccount(email, password, displayName));
        await using var connection = Open();
        await connection.ExecuteAsync("UPDATE account SET status = 'active' WHERE id = @id", new { id = id.AccountId });
        foreach (var role in siteRoles)
        {
            await connection.ExecuteAsync("INSERT INTO account_role (account_id, role) VALUES (@id, @role)", new { id = id.AccountId, role });
        }

        return id.AccountId;
    }

    /// <summary>A client that signed in through <c>POST /api/v1/auth/token</c> and sends the bearer token.</summary>
    public async Task<HttpClient> ApiClientAsync(string email, string password = StrongPassword)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client that signed in through the login page, as a browser does.</summary>
    public async Task<HttpClient> BrowserClientAsync(string email, string password = StrongPassword)
    {
        var client = Client();
        var response = await PostFormAsync(client, "/account/login", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>Loads a page, then posts its form with the page's antiforgery token, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? path);
        var token = AntiforgeryField().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"{formPage ?? path} has no antiforgery token in its form.");
        }

        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    public static string AntiforgeryToken(string html) => WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);

    /// <summary>A direct connection to the site's database, for checking what was stored.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Delivers the outbox now and returns the texts of the mails in the pickup folder.</summary>
    public async Task<IReadOnlyList<string>> DeliveredMailsAsync()
    {
        await Services.GetRequiredService<ECampus.Engine.Mail.MailDelivery>().DeliverPendingAsync(CancellationToken.None);
        return Directory.Exists(MailFolder)
            ? Directory.GetFiles(MailFolder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing handle; the temp folder is cleaned by the system later.
        }
    }

    private sealed record TokenBody(string Token);

    /// <summary>Swaps the site's clock after every registration is made, so it wins whoever registered the system clock.</summary>
    private sealed class ClockReplacingFactory(TimeProvider time) : IServiceProviderFactory<IServiceCollection>
    {
        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(time);
            return services;
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) =>
            containerBuilder.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
