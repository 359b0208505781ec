using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ECampus.Load.Seeding;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ECampus.Load;

/// <summary>
/// <c>ECampus.Load forum</c>: a thread of 500 replies read at a fixed concurrency by a signed-in learner, then 1,000
/// learners connected live to that thread's SignalR group while new posts arrive: how long each post takes to reach
/// all of them, and what an idle connection costs the server.
/// </summary>
internal static class ForumCommand
{
    public const string CourseId = "forum-benchmark";

    public const string Usage = """
        Forums under load (on a site seeded with `seed`, server running in Release).

        Usage:
          dotnet run -c Release --project tests/ECampus.Load -- forum --url URL --packs PACKS [options]

        Options:
          --url URL            server base address; loopback only
          --packs DIR          the server's pack folder: the forum-benchmark pack is written there if missing
          --password PASSWORD  or ECAMPUS_LOAD_PASSWORD: the seeded learners' password
          --posts N            replies in the thread, one per learner, 1-5000 (default 500)
          --concurrency N      workers reading the thread page, 1-1024 (default 16)
          --warmup S           unrecorded seconds of page reading, 0-600 (default 5)
          --duration S         measured seconds of page reading, 1-3600 (default 20)
          --clients N          learners connected live to the thread, 1-10000 (default 1000)
          --deliveries N       posts sent while they listen, 1-1000 (default 20), one every --interval ms
          --interval MS        pause between those posts, 10-60000 (default 1000)
          --pid N              the server's process: resident memory per idle connection, CPU per page
        """;

    private const string ReplyText = """
        Thank you for the example from the garment sector. In our country the labour inspectorate found the same
        pattern: **overtime** recorded as *training hours*, so the weekly limit looked respected on paper. What helped
        was asking workers directly, away from the factory, and comparing with the electricity meter readings.

        - Does anyone have a checklist for interviews like these?
        - How did you protect the workers who spoke?
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string? url = null, packs = null;
        var password = Environment.GetEnvironmentVariable("ECAMPUS_LOAD_PASSWORD");
        int posts = 500, concurrency = 16, warmup = 5, duration = 20, clients = 1000, deliveries = 20, interval = 1000;
        int? pid = null;
        try
        {
            if (!CommandLine.Read(args, Usage, (name, value) =>
            {
                switch (name)
                {
                    case "--url": url = value; break;
                    case "--packs": packs = value; break;
                    case "--password": password = value; break;
                    case "--posts": posts = CommandLine.Int(name, value, 1, 5000); break;
                    case "--concurrency": concurrency = CommandLine.Int(name, value, 1, 1024); break;
                    case "--warmup": warmup = CommandLine.Int(name, value, 0, 600); break;
                    case "--duration": duration = CommandLine.Int(name, value, 1, 3600); break;
                    case "--clients": clients = CommandLine.Int(name, value, 1, 10_000); break;
                    case "--deliveries": deliveries = CommandLine.Int(name, value, 1, 1000); break;
                    case "--interval": interval = CommandLine.Int(name, value, 10, 60_000); break;
                    case "--pid": pid = CommandLine.Int(name, value, 1, int.MaxValue); break;
                    default: throw new ArgumentException($"unknown option '{name}'");
                }
            }))
            {
                return 0;
            }

            if (url is null || packs is null || string.IsNullOrEmpty(password))
            {
                throw new ArgumentException("--url, --packs and a password are required");
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var baseUri = new Uri(url);
        using var client = SeededSite.Client(baseUri, Math.Max(concurrency, 32));
        SeededSite.WritePack(packs, CourseId, "Forum benchmark", "Discuss in the course forum.");
        await SeededSite.WaitForCourseAsync(client, CourseId);
        var learners = Math.Max(posts, clients) + deliveries;
        Console.Error.WriteLine($"forum: signing in and enrolling {learners} learners (not measured)");
        var tokens = await SeededSite.SignInAndEnrolAsync(client, CourseId, learners, password);

        var threadId = await WriteThreadAsync(client, tokens, posts);
        var failed = !await MeasurePageAsync(client, baseUri, password, threadId, posts, new LoadSettings(concurrency, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(duration), 5_000_000), pid);
        failed |= !await MeasureLiveAsync(baseUri, client, tokens, threadId, clients, deliveries, interval, pid);
        return failed ? 1 : 0;
    }

    /// <summary>A thread started by the first learner and answered once by each of the next ones (the posting limit is per person).</summary>
    private static async Task<long> WriteThreadAsync(HttpClient client, string[] tokens, int posts)
    {
        var forums = await SeededSite.SendAsync(client, SeededSite.Request(HttpMethod.Get, $"/api/v1/courses/{CourseId}/forums", tokens[0], null), CancellationToken.None);
        var forumId = forums.GetProperty("forums").EnumerateArray().First(f => f.GetProperty("kind").GetString() == "course").GetProperty("id").GetInt64();
        var threads = await SeededSite.SendAsync(client, SeededSite.Request(HttpMethod.Get, $"/api/v1/forums/{forumId}/threads", tokens[0], null), CancellationToken.None);
        var title = $"Hidden overtime: {posts} replies";
        if (threads.GetProperty("threads").EnumerateArray().FirstOrDefault(t => t.GetProperty("title").GetString() == title) is { ValueKind: JsonValueKind.Object } existing)
        {
            Console.Error.WriteLine($"forum: thread {existing.GetProperty("id").GetInt64()} with {posts} replies is already there");
            return existing.GetProperty("id").GetInt64();
        }

        Console.Error.WriteLine($"forum: writing a thread with {posts} replies (not measured)");
        var started = await SeededSite.SendAsync(client, SeededSite.Request(HttpMethod.Post, $"/api/v1/forums/{forumId}/threads", tokens[0],
            JsonSerializer.Serialize(new { title, body = ReplyText })), CancellationToken.None);
        var threadId = started.GetProperty("threadId").GetInt64();
        await Parallel.ForEachAsync(Enumerable.Range(1, posts), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await SeededSite.SendAsync(client, SeededSite.Request(HttpMethod.Post, $"/api/v1/threads/{threadId}/posts", tokens[i],
                JsonSerializer.Serialize(new { body = $"Reply {i}. {ReplyText}" })), ct));
        return threadId;
    }

    private static async Task<bool> MeasurePageAsync(HttpClient client, Uri baseUri, string password, long threadId, int posts, LoadSettings settings, int? pid)
    {
        var path = $"/forums/threads/{threadId}";
        var requests = await Login.BrowserRequestsAsync(client, baseUri, SeedPlan.LearnerEmail(0), password, path);
        var bytes = await Login.ProbeAsync(client, requests);
        Console.WriteLine(FormattableString.Invariant($"  page: {path} {bytes / 1024.0:0} KB of HTML"));
        Console.Error.WriteLine($"forum: {path} ({posts} replies) as one learner: warming up {settings.Warmup.TotalSeconds}s, then measuring {settings.Duration.TotalSeconds}s with {settings.Concurrency} workers");
        ServerProcess.PrintMemory(pid, "before-thread-page");
        var run = LoadRun.RunAsync(client, requests, settings);
        await Task.Delay(settings.Warmup);
        var cpuFrom = ServerProcess.CpuSeconds(pid);
        var result = await run;
        var cpuTo = ServerProcess.CpuSeconds(pid);
        Console.WriteLine(result.Format("thread-page", settings.Concurrency, (int)settings.Duration.TotalSeconds));
        foreach (var line in result.Details())
        {
            Console.WriteLine($"  {line}");
        }

        if (cpuFrom is { } from && cpuTo is { } to && result.Requests > 0)
        {
            Console.WriteLine(FormattableString.Invariant($"  cpu: server {(to - from) * 1000 / result.Requests:0.000}ms per page, {(to - from) / settings.Duration.TotalSeconds:0.00} cores"));
        }

        ServerProcess.PrintMemory(pid, "after-thread-page");
        return result.Errors == 0;
    }

    /// <summary>
    /// Connects the learners to the thread's group (after a pause, so the page run's garbage is out of the resident
    /// memory), then posts one reply at a time and times its arrival at every connection from just before the POST.
    /// </summary>
    private static async Task<bool> MeasureLiveAsync(Uri baseUri, HttpClient client, string[] tokens, long threadId, int clients, int deliveries, int interval, int? pid)
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = pid is { } p1 ? ServerProcess.Memory(p1) : null;
        Console.Error.WriteLine($"forum: connecting {clients} learners to thread {threadId} over WebSockets (not measured)");
        var arrivals = new ConcurrentDictionary<long, ConcurrentBag<long>>();
        var connections = new HubConnection[clients];
        var connectClock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, clients), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var token = tokens[i];
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseUri, "/hubs/forums"), HttpTransportType.WebSockets, options =>
                {
                    options.SkipNegotiation = true;
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                })
                .Build();
            connection.On<JsonElement>("forumChanged", change =>
            {
                if (change.GetProperty("change").GetString() == "post-added" && change.TryGetProperty("postId", out var post) && post.ValueKind == JsonValueKind.Number)
                {
                    arrivals.GetOrAdd(post.GetInt64(), _ => []).Add(Stopwatch.GetTimestamp());
                }
            });
            await connection.StartAsync(ct);
            await connection.InvokeAsync("JoinThread", threadId, ct);
            connections[i] = connection;
        });
        connectClock.Stop();
        Console.WriteLine(FormattableString.Invariant($"scenario=live-connect clients={clients} connected-and-joined-in={connectClock.Elapsed.TotalSeconds:0.0}s"));

        await Task.Delay(TimeSpan.FromSeconds(10));
        if (pid is { } p2 && before is var (residentBefore, _) && ServerProcess.Memory(p2) is var (residentAfter, _))
        {
            Console.WriteLine(FormattableString.Invariant(
                $"  memory: rss {residentBefore / 1048576.0:0.0}MB -> {residentAfter / 1048576.0:0.0}MB with {clients} idle connections = {(residentAfter - residentBefore) / 1024.0 / clients:0.0}KB per connection"));
        }

        var sentAt = new Dictionary<long, long>();
        var answeredIn = new Dictionary<long, long>();
        var posterBase = Math.Max(tokens.Length - deliveries, 0);
        for (var d = 0; d < deliveries; d++)
        {
            var from = Stopwatch.GetTimestamp();
            var posted = await SeededSite.SendAsync(client, SeededSite.Request(HttpMethod.Post, $"/api/v1/threads/{threadId}/posts", tokens[posterBase + d],
                JsonSerializer.Serialize(new { body = $"Live reply {d + 1}: {ReplyText}" })), CancellationToken.None);
            var postId = posted.GetProperty("postId").GetInt64();
            sentAt[postId] = from;
            answeredIn[postId] = Stopwatch.GetTimestamp() - from;
            await Task.Delay(interval);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var latencies = sentAt.SelectMany(s => arrivals.TryGetValue(s.Key, out var bag) ? bag.Select(at => at - s.Value) : []).Order().ToArray();
        var expected = (long)clients * deliveries;
        Console.WriteLine(FormattableString.Invariant(
            $"scenario=live-delivery clients={clients} posts={deliveries} deliveries={latencies.Length}/{expected} p50={SeededSite.Ms(latencies, 0.50)} p90={SeededSite.Ms(latencies, 0.90)} p99={SeededSite.Ms(latencies, 0.99)} max={SeededSite.Ms(latencies, 1)} (from just before each POST to arrival)"));
        foreach (var (postId, at) in sentAt)
        {
            var each = arrivals.TryGetValue(postId, out var bag) ? bag.Select(t => t - at).Order().ToArray() : [];
            Console.WriteLine(FormattableString.Invariant(
                $"  post {postId}: POST answered in {SeededSite.Ms([answeredIn[postId]], 1)}; reached {each.Length}, first={SeededSite.Ms(each, 0)} p50={SeededSite.Ms(each, 0.50)} last={SeededSite.Ms(each, 1)}"));
        }

        await Parallel.ForEachAsync(connections.Where(c => c is not null), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) => await c.DisposeAsync());
        return latencies.Length == expected;
    }
}
