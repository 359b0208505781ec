using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ECampus.Load.Seeding;
using Microsoft.Data.Sqlite;

namespace ECampus.Load;

/// <summary>
/// <c>ECampus.Load quiz</c>: many seeded learners each start an attempt at a 20-question quiz, save every answer and
/// submit, all at once; then the database is counted to prove every submission was graded exactly once.
/// </summary>
internal static class QuizCommand
{
    public const string CourseId = "quiz-benchmark";
    public const string QuizId = "benchmark";

    public const string Usage = """
        Quiz attempts under load: N seeded learners each start, answer every question and submit, concurrently.

        Usage (on a site seeded with `seed`, server running in Release):
          dotnet run -c Release --project tests/ECampus.Load -- quiz --url URL --data DATA --packs PACKS [options]

        Options:
          --url URL            server base address; loopback only
          --data DIR           the server's data folder: the database is counted afterwards (read-only)
          --packs DIR          the server's pack folder: the quiz-benchmark pack is written there if missing
          --password PASSWORD  or ECAMPUS_LOAD_PASSWORD: the seeded learners' password
          --learners N         learners taking the quiz, 1-10000 (default 1000): learner00001@example.org, ...
          --questions N        questions in the quiz, 1-100 (default 20)
          --concurrency N      learners in flight at once, 1-1000 (default 100)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string? url = null, data = null, packs = null;
        var password = Environment.GetEnvironmentVariable("ECAMPUS_LOAD_PASSWORD");
        int learners = 1000, questions = 20, concurrency = 100;
        try
        {
            if (!CommandLine.Read(args, Usage, (name, value) =>
            {
                switch (name)
                {
                    case "--url": url = value; break;
                    case "--data": data = value; break;
                    case "--packs": packs = value; break;
                    case "--password": password = value; break;
                    case "--learners": learners = CommandLine.Int(name, value, 1, 10_000); break;
                    case "--questions": questions = CommandLine.Int(name, value, 1, 100); break;
                    case "--concurrency": concurrency = CommandLine.Int(name, value, 1, 1000); break;
                    default: throw new ArgumentException($"unknown option '{name}'");
                }
            }))
            {
                return 0;
            }

            if (url is null || data is null || packs is null || string.IsNullOrEmpty(password))
            {
                throw new ArgumentException("--url, --data, --packs and a password are required");
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var client = SeededSite.Client(new Uri(url), concurrency);
        SeededSite.WritePack(packs, CourseId, "Quiz benchmark", "Take the quiz.\n\n:::activity quiz benchmark\nThe benchmark quiz.\n:::",
            new Dictionary<string, string> { ["assessments/benchmark.md"] = QuizText(questions) });
        await SeededSite.WaitForCourseAsync(client, CourseId);
        Console.Error.WriteLine($"quiz: signing in and enrolling {learners} learners (not measured)");
        var tokens = await SeededSite.SignInAndEnrolAsync(client, CourseId, learners, password);

        var runStart = DateTimeOffset.UtcNow.AddSeconds(-1);
        var latencies = new ConcurrentDictionary<string, ConcurrentBag<long>>();
        var errors = new ConcurrentBag<string>();
        var firstGrades = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, learners), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            try
            {
                var attempts = $"/api/v1/courses/{CourseId}/quizzes/{QuizId}/attempts";
                var started = await SendAsync(client, latencies, "start", SeededSite.Request(HttpMethod.Post, attempts, tokens[i], null), ct);
                var attemptId = started.GetProperty("id").GetString()!;
                foreach (var question in started.GetProperty("questions").EnumerateArray())
                {
                    var option = question.GetProperty("options")[(i + question.GetProperty("id").GetString()!.Length) % 3].GetProperty("id").GetString();
                    await SendAsync(client, latencies, "save", SeededSite.Request(HttpMethod.Put,
                        $"{attempts}/{attemptId}/answers/{question.GetProperty("id").GetString()}", tokens[i],
                        $$"""{"type":"choice","optionIds":["{{option}}"]}"""), ct);
                }

                var submitted = await SendAsync(client, latencies, "submit", SeededSite.Request(HttpMethod.Post, $"{attempts}/{attemptId}/submit", tokens[i], null), ct);
                if (!submitted.GetProperty("alreadySubmitted").GetBoolean())
                {
                    Interlocked.Increment(ref firstGrades);
                }
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                errors.Add(e.Message);
            }
        });
        clock.Stop();

        var all = latencies.Values.SelectMany(v => v).Order().ToArray();
        Console.WriteLine(FormattableString.Invariant(
            $"scenario=quiz learners={learners} questions={questions} concurrency={concurrency} wall={clock.Elapsed.TotalSeconds:0.00}s requests={all.Length} rps={all.Length / clock.Elapsed.TotalSeconds:0} p50={SeededSite.Ms(all, 0.50)} p99={SeededSite.Ms(all, 0.99)} max={SeededSite.Ms(all, 1)} errors={errors.Count}"));
        foreach (var (kind, bag) in latencies.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var sorted = bag.Order().ToArray();
            Console.WriteLine(FormattableString.Invariant($"  {kind}: requests={sorted.Length} p50={SeededSite.Ms(sorted, 0.50)} p99={SeededSite.Ms(sorted, 0.99)} max={SeededSite.Ms(sorted, 1)}"));
        }

        foreach (var error in errors.Distinct().Take(5))
        {
            Console.WriteLine($"  error: {error}");
        }

        var (graded, answers, accounts) = Count(data, runStart);
        var exact = graded == learners && accounts == learners && answers == (long)learners * questions && firstGrades == learners;
        Console.WriteLine($"  counted: attempts graded={graded} distinct learners={accounts} answers={answers} first grades answered={firstGrades} -> {(exact ? "every submission graded exactly once" : "MISMATCH")}");
        return errors.IsEmpty && exact ? 0 : 1;
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, ConcurrentDictionary<string, ConcurrentBag<long>> latencies, string kind, HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            var from = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            latencies.GetOrAdd(kind, _ => []).Add(Stopwatch.GetTimestamp() - from);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{kind} answered {(int)response.StatusCode}: {body}");
            }

            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    private static (long Graded, long Answers, long Accounts) Count(string data, DateTimeOffset since)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(data, "ecampus.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*), (SELECT count(*) FROM quizzes_answer WHERE attempt_id IN (SELECT id FROM quizzes_attempt WHERE course_id = $course AND started_at >= $since)),
                   count(DISTINCT account_id)
            FROM quizzes_attempt WHERE course_id = $course AND started_at >= $since AND status = 'submitted' AND result_json IS NOT NULL
            """;
        command.Parameters.AddWithValue("$course", CourseId);
        command.Parameters.AddWithValue("$since", since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static string QuizText(int questions)
    {
        var quiz = new StringBuilder("---\ntitle: Benchmark quiz\npass-mark: 50\n---\n");
        for (var q = 1; q <= questions; q++)
        {
            quiz.Append(CultureInfo.InvariantCulture, $"\n## Question {q}: which option is the right one? {{#q{q}}}\n\n- [ ] Option one\n- [x] Option two\n- [ ] Option three\n");
        }

        return quiz.ToString();
    }
}
