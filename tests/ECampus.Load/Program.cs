using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ECampus.Load;

const string Usage = """
    ECampus load driver: measures an already running ECampus server on this machine.

    Usage:
      dotnet run -c Release --project tests/ECampus.Load -- --url http://127.0.0.1:5000 --email EMAIL [options]

    Options:
      --url URL            server base address; loopback only (127.0.0.0/8, localhost, [::1])
      --email EMAIL        account to log in with
      --password PASSWORD  or set ECAMPUS_LOAD_PASSWORD (preferred: keeps it out of the process list)
      --concurrency N      concurrent workers, 1-1024 (default 16)
      --duration S         measured seconds, 1-3600 (default 20)
      --warmup S           unrecorded seconds before measuring, 0-600 (default 5)
      --scenario NAME      me | home | all (default all)
      --max-requests N     cap on requests per scenario, warm-up included (default 5000000)
      --pid N              print the server's resident memory (/proc/N/status) before and after
      --help               this text

    Exit codes: 0 no errors, 1 errors or failed login, 2 bad arguments.
    """;

string? url = null, email = null;
var password = Environment.GetEnvironmentVariable("ECAMPUS_LOAD_PASSWORD");
var scenario = "all";
int concurrency = 16, duration = 20, warmup = 5, maxRequests = 5_000_000;
int? pid = null;

try
{
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i] is "--help" or "-h")
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var name = args[i];
        var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
        switch (name)
        {
            case "--url": url = value; break;
            case "--email": email = value; break;
            case "--password": password = value; break;
            case "--concurrency": concurrency = ParseInt(name, value, 1, 1024); break;
            case "--duration": duration = ParseInt(name, value, 1, 3600); break;
            case "--warmup": warmup = ParseInt(name, value, 0, 600); break;
            case "--max-requests": maxRequests = ParseInt(name, value, 1, 50_000_000); break;
            case "--pid": pid = ParseInt(name, value, 1, int.MaxValue); break;
            case "--scenario" when value is "me" or "home" or "all": scenario = value; break;
            case "--scenario": throw new ArgumentException($"--scenario must be me, home or all, not '{value}'");
            default: throw new ArgumentException($"unknown option '{name}'");
        }
    }
    if (url is null || email is null)
        throw new ArgumentException("--url and --email are required");
    if (string.IsNullOrEmpty(password))
        throw new ArgumentException("give --password or set ECAMPUS_LOAD_PASSWORD");
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(Usage);
    return 2;
}

if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
{
    Console.Error.WriteLine($"error: --url must be an absolute http(s) address, not '{url}'");
    return 2;
}
// This workplace forbids traffic to any address but this machine's; the connect callback below enforces
// the same rule on the resolved addresses, this check just fails early with a readable message.
if (!(baseUri.DnsSafeHost.Equals("localhost", StringComparison.OrdinalIgnoreCase)
      || (IPAddress.TryParse(baseUri.DnsSafeHost, out var literal) && IsLoopback(literal))))
{
    Console.Error.WriteLine($"error: refusing to load '{baseUri.Host}': only loopback targets (127.0.0.0/8, localhost, [::1]) are allowed");
    return 2;
}

using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = concurrency,
    // Keep-alive connections for the whole run: reconnects would be measured as server latency.
    PooledConnectionLifetime = TimeSpan.FromHours(1),
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    // Redirects are results here (a login answers 302, an expired session would too), never followed.
    AllowAutoRedirect = false,
    // Cookies are sent by hand: the session is fixed after login, and a shared container would lock per request.
    UseCookies = false,
    UseProxy = false,
    ConnectCallback = ConnectLoopbackOnlyAsync,
};
using var client = new HttpClient(handler)
{
    DefaultRequestVersion = HttpVersion.Version11,
    DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    Timeout = TimeSpan.FromSeconds(10),
};

var settings = new LoadSettings(concurrency, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(duration), maxRequests);
var failed = false;
PrintMemory("before");
foreach (var name in scenario == "all" ? ["me", "home"] : new[] { scenario })
{
    Func<HttpRequestMessage> newRequest;
    try
    {
        newRequest = name == "me"
            ? await Login.BearerRequestsAsync(client, baseUri, email, password)
            : await Login.BrowserRequestsAsync(client, baseUri, email, password);
        await Login.ProbeAsync(client, newRequest);
    }
    catch (Exception e) when (e is HttpRequestException or InvalidOperationException or OperationCanceledException)
    {
        Console.Error.WriteLine($"scenario={name} setup failed: {e.Message}");
        failed = true;
        continue;
    }

    Console.Error.WriteLine($"scenario={name}: warming up {warmup}s, then measuring {duration}s with {concurrency} workers");
    var result = await LoadRun.RunAsync(client, newRequest, settings);
    Console.WriteLine(result.Format(name, concurrency, duration));
    foreach (var line in result.Details())
        Console.WriteLine($"  {line}");
    failed |= result.Errors > 0;
    PrintMemory($"after-{name}");
}
return failed ? 1 : 0;

static int ParseInt(string name, string value, int min, int max) =>
    int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
        ? n
        : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{value}'");

static bool IsLoopback(IPAddress address) =>
    IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

static async ValueTask<Stream> ConnectLoopbackOnlyAsync(SocketsHttpConnectionContext context, CancellationToken ct)
{
    var resolved = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
    var loopback = resolved.Where(IsLoopback).ToArray();
    if (loopback.Length == 0)
        throw new HttpRequestException($"refusing to connect: '{context.DnsEndPoint.Host}' does not resolve to a loopback address");

    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    try
    {
        await socket.ConnectAsync(loopback, context.DnsEndPoint.Port, ct);
        return new NetworkStream(socket, ownsSocket: true);
    }
    catch
    {
        socket.Dispose();
        throw;
    }
}

void PrintMemory(string when)
{
    if (pid is not { } id)
        return;
    try
    {
        var status = File.ReadAllLines($"/proc/{id}/status");
        string Field(string key) =>
            status.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
                ? FormattableString.Invariant($"{long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0:0.0}MB")
                : "?";
        Console.WriteLine($"memory pid={id} when={when} rss={Field("VmRSS:")} peak={Field("VmHWM:")}");
    }
    catch (IOException e)
    {
        Console.Error.WriteLine($"memory pid={id} when={when}: cannot read /proc/{id}/status ({e.Message})");
    }
}
