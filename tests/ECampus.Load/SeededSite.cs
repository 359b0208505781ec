using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ECampus.Load.Seeding;

namespace ECampus.Load;

/// <summary>
/// What the benchmark modes share on a site seeded with <c>seed</c>: a benchmark pack written into its pack folder, the
/// seeded learners signed in and enrolled, bearer-token API requests, and latency percentiles.
/// </summary>
internal static class SeededSite
{
    public static HttpClient Client(Uri baseUri, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromHours(1),
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectCallback = CommandLine.ConnectLoopbackOnlyAsync,
    })
    {
        BaseAddress = baseUri,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Writes a self-paced, open pack with one module (and the extra files) unless the folder exists.</summary>
    public static void WritePack(string packs, string courseId, string title, string module, IReadOnlyDictionary<string, string>? files = null)
    {
        var folder = Path.Combine(packs, courseId);
        if (Directory.Exists(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "pack.yml"), $"""
            # Written by the ECampus load driver for a benchmark (docs/performance.md).
            id: {courseId}
            title: {title}
            version: 1.0.0
            format: self-paced
            language: en
            summary: >
              A course written for measuring the site under load.
            enrolment:
              mode: open
            """);
        File.WriteAllText(Path.Combine(folder, "01-the-only-module.md"), $"---\ntitle: The only module\neffort: 1h\n---\n\n# The only module\n\n{module}\n");
        foreach (var (path, text) in files ?? new Dictionary<string, string>())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, path))!);
            File.WriteAllText(Path.Combine(folder, path), text);
        }
    }

    public static async Task WaitForCourseAsync(HttpClient client, string courseId)
    {
        for (var i = 0; i < 60; i++)
        {
            using var response = await client.GetAsync($"/api/v1/courses/{courseId}");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException($"the server does not serve {courseId}; is --packs its pack folder?");
    }

    /// <summary>Bearer tokens of the first <paramref name="learners"/> seeded learners, each enrolled in the course (not measured).</summary>
    public static async Task<string[]> SignInAndEnrolAsync(HttpClient client, string courseId, int learners, string password)
    {
        var tokens = new string[learners];
        await Parallel.ForEachAsync(Enumerable.Range(0, learners), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var email = SeedPlan.LearnerEmail(i);
            using var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, ct);
            token.EnsureSuccessStatusCode();
            tokens[i] = (await token.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("token").GetString()!;
            using var enrol = Request(HttpMethod.Post, $"/api/v1/courses/{courseId}/enrolment", tokens[i], "{}");
            using var enrolled = await client.SendAsync(enrol, ct);
            if (enrolled.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
            {
                throw new InvalidOperationException($"{email} could not enrol: {(int)enrolled.StatusCode} {await enrolled.Content.ReadAsStringAsync(ct)}");
            }
        });
        return tokens;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string token, string? json)
    {
        var request = new HttpRequestMessage(method, path) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>Sends an API request and returns its JSON body; a non-success answer throws with the body.</summary>
    public static async Task<JsonElement> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}");
            }

            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    /// <summary>A percentile of Stopwatch ticks, in milliseconds.</summary>
    public static string Ms(long[] sorted, double percentile) => sorted.Length == 0
        ? "-"
        : FormattableString.Invariant($"{sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency:0.0}ms");
}
