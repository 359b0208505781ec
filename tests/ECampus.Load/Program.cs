using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ECampus.Load;
using ECampus.Load.Seeding;

const string Usage = """
    ECampus load driver: measures an already running ECampus server on this machine.

    Usage:
      dotnet run -c Release --project tests/ECampus.Load -- --url http://127.0.0.1:5000 --email EMAIL [options]
      dotnet run -c Release --project tests/ECampus.Load -- seed --help   (seeds a site for the journey scenarios)
      dotnet run -c Release --project tests/ECampus.Load -- quiz --help   (quiz attempts: start, answer, submit, counted)
      dotnet run -c Release --project tests/ECampus.Load -- forum --help  (a 500-post thread page; 1,000 live SignalR readers)

    Options:
      --url URL            server base address; loopback only (127.0.0.0/8, localhost, [::1])
      --email EMAIL        account to log in with
      --password PASSWORD  or set ECAMPUS_LOAD_PASSWORD (preferred: keeps it out of the process list)
      --concurrency N      concurrent workers, 1-1024 (default 16)
      --duration S         measured seconds, 1-3600 (default 20)
      --warmup S           unrecorded seconds before measuring, 0-600 (default 5)
      --scenario NAME      one of the scenarios below, or all (me, home) or journey (course-home, module); default all
      --course ID          course of the journey scenarios (default course-01, the seeded largest course)
      --module ID          module of the module scenario (default module-13, the one the seeded learner is working on)
      --learners N         spread the requests over N signed-in accounts, 1-64 (default 1): --email and the seeded
                           learner00001@example.org, learner00002@example.org, ... (same password)
      --max-requests N     cap on requests per scenario, warm-up included (default 5000000)
      --pid N              print the server's resident memory before and after, and its CPU time per request (/proc/N)
      --help               this text

    Scenarios:
      me           GET /api/v1/me with a bearer token from POST /api/v1/auth/token
      home         GET / signed in through the login form (session cookie)
      course-home  GET /courses/{course}/home signed in through the login form
      module       GET /courses/{course}/modules/{module} signed in through the login form

    Exit codes: 0 no errors, 1 errors or failed login, 2 bad arguments.
    """;

if (args is ["seed", .. var seedArgs])
{
    return SeedCommand.Run(seedArgs);
}

if (args is ["quiz", .. var quizArgs])
{
    return await QuizCommand.RunAsync(quizArgs);
}

if (args is ["forum", .. var forumArgs])
{
    return await ForumCommand.RunAsync(forumArgs);
}

string? url = null, email = null;
var password = Environment.GetEnvironmentVariable("ECAMPUS_LOAD_PASSWORD");
var scenario = "all";
string course = SeedPlan.LargestCourseId, module = SeedPlan.KnownLearnerModuleId;
int concurrency = 16, duration = 20, warmup = 5, maxRequests = 5_000_000, learners = 1;
int? pid = null;

try
{
    if (!CommandLine.Read(args, Usage, (name, value) =>
    {
        switch (name)
        {
            case "--url": url = value; break;
            case "--email": email = value; break;
            case "--password": password = value; break;
            case "--concurrency": concurrency = CommandLine.Int(name, value, 1, 1024); break;
            case "--duration": duration = CommandLine.Int(name, value, 1, 3600); break;
            case "--warmup": warmup = CommandLine.Int(name, value, 0, 600); break;
            case "--max-requests": maxRequests = CommandLine.Int(name, value, 1, 50_000_000); break;
            case "--pid": pid = CommandLine.Int(name, value, 1, int.MaxValue); break;
            case "--learners": learners = CommandLine.Int(name, value, 1, SeedPlan.JourneyLearners); break;
            case "--course": course = value; break;
            case "--module": module = value; break;
            case "--scenario" when value is "me" or "home" or "course-home" or "module" or "all" or "journey": scenario = value; break;
            case "--scenario": throw new ArgumentException($"--scenario must be me, home, course-home, module, all or journey, not '{value}'");
            default: throw new ArgumentException($"unknown option '{name}'");
        }
    }))
    {
        return 0;
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
      || (IPAddress.TryParse(baseUri.DnsSafeHost, out var literal) && CommandLine.IsLoopback(literal))))
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
    ConnectCallback = CommandLine.ConnectLoopbackOnlyAsync,
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
string[] scenarios = scenario switch
{
    "all" => ["me", "home"],
    "journey" => ["course-home", "module"],
    _ => [scenario],
};
foreach (var name in scenarios)
{
    var path = name switch
    {
        "me" => "/api/v1/me",
        "course-home" => $"/courses/{Uri.EscapeDataString(course)}/home",
        "module" => $"/courses/{Uri.EscapeDataString(course)}/modules/{Uri.EscapeDataString(module)}",
        _ => "/",
    };
    Func<HttpRequestMessage> newRequest;
    try
    {
        var perLearner = new List<Func<HttpRequestMessage>>();
        foreach (var account in Enumerable.Range(0, learners).Select(i => i == 0 ? email : SeedPlan.LearnerEmail(i)))
        {
            var requests = name == "me"
                ? await Login.BearerRequestsAsync(client, baseUri, account, password)
                : await Login.BrowserRequestsAsync(client, baseUri, account, password, path);
            await Login.ProbeAsync(client, requests);
            perLearner.Add(requests);
        }

        var next = -1;
        newRequest = perLearner.Count == 1 ? perLearner[0] : () => perLearner[(int)((uint)Interlocked.Increment(ref next) % (uint)perLearner.Count)]();
    }
    catch (Exception e) when (e is HttpRequestException or InvalidOperationException or OperationCanceledException)
    {
        Console.Error.WriteLine($"scenario={name} setup failed: {e.Message}");
        failed = true;
        continue;
    }

    Console.Error.WriteLine($"scenario={name}: {path} as {learners} learner(s): warming up {warmup}s, then measuring {duration}s with {concurrency} workers");
    var run = LoadRun.RunAsync(client, newRequest, settings);
    // CPU used over the measured window: the server's per request, and the driver's, which shares the machine.
    await Task.Delay(settings.Warmup);
    var (serverFrom, driverFrom) = (ServerCpuSeconds(), Environment.CpuUsage.TotalTime.TotalSeconds);
    var result = await run;
    var (serverTo, driverTo) = (ServerCpuSeconds(), Environment.CpuUsage.TotalTime.TotalSeconds);
    Console.WriteLine(result.Format(name, concurrency, duration));
    if (learners > 1)
        Console.WriteLine($"  spread over {learners} learners, round robin");
    foreach (var line in result.Details())
        Console.WriteLine($"  {line}");
    if (serverFrom is { } from && serverTo is { } to && result.Requests > 0)
    {
        Console.WriteLine(FormattableString.Invariant(
            $"  cpu: server {(to - from) * 1000 / result.Requests:0.000}ms per request, {(to - from) / duration:0.00} cores; driver {(driverTo - driverFrom) / duration:0.00} cores (of {Environment.ProcessorCount})"));
    }
    failed |= result.Errors > 0;
    PrintMemory($"after-{name}");
}
return failed ? 1 : 0;

void PrintMemory(string when) => ServerProcess.PrintMemory(pid, when);

double? ServerCpuSeconds() => ServerProcess.CpuSeconds(pid);
