using System.Diagnostics;
using System.Globalization;

namespace ECampus.Load;

internal sealed record LoadSettings(int Concurrency, TimeSpan Warmup, TimeSpan Duration, int MaxRequests);

/// <summary>Runs N workers against one request factory: a warm-up, then a measured window, then stops.</summary>
internal sealed class LoadRun
{
    private const int MaxErrorKinds = 5;

    private readonly long[] latencies;
    private readonly long elapsedTicks;
    private readonly Dictionary<string, long> errorKinds;

    private LoadRun(Worker[] workers, long elapsedTicks)
    {
        latencies = workers.SelectMany(w => w.Latencies.Take(w.Count)).ToArray();
        Array.Sort(latencies);
        this.elapsedTicks = elapsedTicks;
        Non2xx = workers.Sum(w => w.Non2xx);
        Exceptions = workers.Sum(w => w.Exceptions);
        CapReached = workers.Any(w => w.CapReached);
        errorKinds = workers.SelectMany(w => w.ErrorKinds)
            .GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
    }

    /// <summary>Requests started inside the measured window.</summary>
    public int Requests => latencies.Length;

    public long Non2xx { get; }
    public long Exceptions { get; }
    public long Errors => Non2xx + Exceptions;
    public bool CapReached { get; }

    public static async Task<LoadRun> RunAsync(HttpClient client, Func<HttpRequestMessage> newRequest, LoadSettings settings)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + ToTicks(settings.Warmup);
        var measureUntil = measureFrom + ToTicks(settings.Duration);
        // Past the window plus one client timeout, anything still in flight is hung: cut it off so the run ends.
        using var hardStop = new CancellationTokenSource(settings.Warmup + settings.Duration + client.Timeout + TimeSpan.FromSeconds(1));

        var perWorker = Math.Max(1, settings.MaxRequests / settings.Concurrency);
        var workers = Enumerable.Range(0, settings.Concurrency).Select(_ => new Worker(perWorker)).ToArray();
        await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync(client, newRequest, measureFrom, measureUntil, hardStop.Token))));

        // Requests started inside the window are counted, so the window is closed by the last of them to finish.
        return new LoadRun(workers, Math.Max(Stopwatch.GetTimestamp() - measureFrom, 1));
    }

    public string Format(string scenario, int concurrency, int durationSeconds)
    {
        var seconds = (double)elapsedTicks / Stopwatch.Frequency;
        return string.Create(CultureInfo.InvariantCulture,
            $"scenario={scenario} concurrency={concurrency} duration={durationSeconds}s requests={latencies.Length} " +
            $"rps={latencies.Length / seconds:0} p50={Ms(Percentile(0.50))} p90={Ms(Percentile(0.90))} " +
            $"p99={Ms(Percentile(0.99))} max={Ms(Percentile(1.0))} errors={Errors} non2xx={Non2xx} exceptions={Exceptions}");
    }

    public IEnumerable<string> Details()
    {
        if (CapReached)
            yield return "warning: --max-requests reached before the duration ended; rps and percentiles cover a shorter window";
        foreach (var (kind, count) in errorKinds.OrderByDescending(kv => kv.Value).Take(MaxErrorKinds))
            yield return string.Create(CultureInfo.InvariantCulture, $"error x{count}: {kind}");
    }

    // Nearest-rank percentile over the sorted samples.
    private long Percentile(double p) =>
        latencies.Length == 0 ? 0 : latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Length) - 1, 0, latencies.Length - 1)];

    private static string Ms(long ticks)
    {
        var ms = ticks * 1000.0 / Stopwatch.Frequency;
        return ms.ToString(ms >= 100 ? "0" : ms >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture) + "ms";
    }

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Owns all its state, so the hot path takes no locks; results are merged after the run.</summary>
    private sealed class Worker(int capacity)
    {
        // Per-worker distinct error texts are capped so a storm of unique messages cannot grow memory.
        private const int MaxDistinctErrors = 16;

        private readonly byte[] buffer = new byte[16 * 1024];

        public long[] Latencies { get; } = new long[capacity];
        public int Count { get; private set; }
        public long Non2xx { get; private set; }
        public long Exceptions { get; private set; }
        public bool CapReached { get; private set; }
        public Dictionary<string, long> ErrorKinds { get; } = [];

        public async Task RunAsync(HttpClient client, Func<HttpRequestMessage> newRequest, long measureFrom, long measureUntil, CancellationToken stop)
        {
            // The array doubles as the request budget: warm-up requests use it up too, only measured ones are stored.
            for (var attempt = 0; attempt < Latencies.Length; attempt++)
            {
                var started = Stopwatch.GetTimestamp();
                if (started >= measureUntil || stop.IsCancellationRequested)
                    return;

                string? error = null;
                var threw = false;
                try
                {
                    using var request = newRequest();
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
                    // Latency covers the whole body, as a browser would wait for it.
                    await using var body = await response.Content.ReadAsStreamAsync(stop);
                    while (await body.ReadAsync(buffer, stop) > 0)
                    {
                    }
                    if (!response.IsSuccessStatusCode)
                        error = $"HTTP {(int)response.StatusCode} {response.StatusCode}";
                }
                catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
                {
                    threw = true;
                    error = $"{e.GetType().Name}: {e.Message}";
                }
                var elapsed = Stopwatch.GetTimestamp() - started;

                if (started < measureFrom)
                    continue;
                Latencies[Count++] = elapsed;
                if (error is null)
                    continue;
                if (threw)
                    Exceptions++;
                else
                    Non2xx++;
                var kind = ErrorKinds.ContainsKey(error) || ErrorKinds.Count < MaxDistinctErrors ? error : "(other errors)";
                ErrorKinds[kind] = ErrorKinds.GetValueOrDefault(kind) + 1;
            }
            CapReached = true;
        }
    }
}
