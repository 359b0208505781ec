using System.Net;
using System.Text.Json;
using Dapper;
using ECampus.Engine.Courses;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Web.Tests.Quizzes;

/// <summary>Helpers for the quiz tests: sites with edited sample packs, attempts through the API, the key read from storage.</summary>
internal static class QuizApi
{
    public const string SelfPaced = SamplePacks.SelfPaced;

    public static string Attempts(string course, string quiz) => $"/api/v1/courses/{course}/quizzes/{quiz}/attempts";

    /// <summary>A site serving copies of sample packs, each file edit applied before it starts.</summary>
    public static async Task<TestSite> StartSiteAsync(TimeProvider? time, Action<Dictionary<string, string?>>? configure, string pack, params (string File, string Old, string New)[] edits)
    {
        var root = Directory.CreateTempSubdirectory("ecampus-test-").FullName;
        var folder = SamplePacks.CopyInto(Path.Combine(root, "packs"), pack);
        foreach (var (file, old, replacement) in edits)
        {
            var path = Path.Combine(folder, file);
            var text = await File.ReadAllTextAsync(path);
            Assert.That(text, Does.Contain(old), $"the sample {file} changed; the test's edit no longer applies");
            await File.WriteAllTextAsync(path, text.Replace(old, replacement, StringComparison.Ordinal));
        }

        return await TestSite.StartAsync(configure, root, time);
    }

    public static async Task<HttpClient> LearnerAsync(TestSite site, string email, string course = SelfPaced)
    {
        await site.CreateAccountAsync(email, email.Split('@')[0]);
        var client = await site.ApiClientAsync(email);
        await client.PostJsonAsync($"/api/v1/courses/{course}/enrolment", new { }, HttpStatusCode.Created);
        return client;
    }

    /// <summary>A new account enrolled in a cohort of a course, signed in through the API.</summary>
    public static async Task<HttpClient> LearnerInCohortAsync(TestSite site, string email, string name, long cohortId, string course = SamplePacks.TutorSupported)
    {
        await site.CreateAccountAsync(email, name);
        var client = await site.ApiClientAsync(email);
        await client.PostJsonAsync($"/api/v1/courses/{course}/enrolment", new { cohortId }, HttpStatusCode.Created);
        return client;
    }

    public static async Task<JsonElement> StartAsync(this HttpClient client, string course, string quiz, HttpStatusCode expected = HttpStatusCode.Created) =>
        await client.PostJsonAsync(Attempts(course, quiz), null, expected);

    public static async Task<HttpResponseMessage> SaveAsync(this HttpClient client, JsonElement attempt, string questionId, object answer) =>
        await client.PutAsync(
            $"{Attempts(attempt.GetProperty("courseId").GetString()!, attempt.GetProperty("quizId").GetString()!)}/{attempt.GetProperty("id").GetString()}/answers/{questionId}",
            new StringContent(JsonSerializer.Serialize(answer), System.Text.Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> SubmitAsync(this HttpClient client, JsonElement attempt, HttpStatusCode expected = HttpStatusCode.OK) =>
        await client.PostJsonAsync(
            $"{Attempts(attempt.GetProperty("courseId").GetString()!, attempt.GetProperty("quizId").GetString()!)}/{attempt.GetProperty("id").GetString()}/submit", null, expected);

    public static string AttemptPath(JsonElement attempt) =>
        $"{Attempts(attempt.GetProperty("courseId").GetString()!, attempt.GetProperty("quizId").GetString()!)}/{attempt.GetProperty("id").GetString()}";

    /// <summary>The right option ids of each choice question, read from the attempt's stored snapshot (never from the API).</summary>
    public static async Task<Dictionary<string, string[]>> KeyAsync(TestSite site, JsonElement attempt)
    {
        await using var connection = site.Open();
        var json = await connection.ExecuteScalarAsync<string>(
            "SELECT s.quiz_json FROM quizzes_snapshot s JOIN quizzes_attempt a ON a.snapshot_id = s.id WHERE a.id = @id",
            new { id = attempt.GetProperty("id").GetString() });
        return JsonDocument.Parse(json!).RootElement.GetProperty("questions").EnumerateArray()
            .ToDictionary(
                q => q.GetProperty("id").GetString()!,
                q => q.TryGetProperty("options", out var options)
                    ? options.EnumerateArray().Where(o => o.GetProperty("weight").GetDecimal() > 0).Select(o => o.GetProperty("id").GetString()!).ToArray()
                    : [q.TryGetProperty("answer", out var answer) && answer.GetBoolean() ? "true" : "false"]);
    }

    /// <summary>Answers every question right (or, with <paramref name="rightCount"/>, only that many) and submits.</summary>
    public static async Task<JsonElement> TakeAsync(this HttpClient client, TestSite site, string course, string quiz, int? rightCount = null)
    {
        var attempt = await client.StartAsync(course, quiz);
        var key = await KeyAsync(site, attempt);
        var wrongFrom = rightCount ?? int.MaxValue;
        var i = 0;
        foreach (var question in attempt.GetProperty("questions").EnumerateArray())
        {
            var id = question.GetProperty("id").GetString()!;
            var right = key[id];
            var chosen = i++ < wrongFrom ? right : [question.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).First(o => !right.Contains(o))];
            (await client.SaveAsync(attempt, id, new { type = "choice", optionIds = chosen })).EnsureSuccessStatusCode();
        }

        return await client.SubmitAsync(attempt);
    }

    public static async Task EditPackAsync(TestSite site, string pack, string file, string old, string replacement)
    {
        var catalog = site.Services.GetRequiredService<PackCatalog>();
        var served = catalog.Find(pack)!.ContentHash;
        var path = Path.Combine(site.Root, "packs", pack, file);
        var text = await File.ReadAllTextAsync(path);
        Assert.That(text, Does.Contain(old));
        await File.WriteAllTextAsync(path, text.Replace(old, replacement, StringComparison.Ordinal));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (catalog.Find(pack)!.ContentHash == served)
        {
            await catalog.WaitForGenerationAsync(catalog.Generation, timeout.Token);
        }
    }

    public static async Task<long> CountAsync(TestSite site, string sql, object? parameters = null)
    {
        await using var connection = site.Open();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }
}
