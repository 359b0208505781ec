using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECampus.Testing;

namespace ECampus.Engine.Tests.Plugins;

/// <summary>
/// A plug-in that runs an activity type makes modules complete by themselves: it reports activities complete through
/// the engine's events, and it fills the dashboard's "coming up" slot.
/// </summary>
public sealed class PluginActivityTests
{
    private const string Course = SamplePacks.SelfPaced;

    private const string QuizSource = """
        public sealed class QuizPlugin : IEcampusPlugin
        {
            public PluginManifest Manifest { get; } = new("quiz", "Quizzes", new Version(1, 0, 0), new Version(0, 1, 0));

            public void ConfigureServices(PluginServices services)
            {
                services.AddActivityType(new ActivityType("quiz", "Quiz", "assessments"));
                services.AddUpcomingItems<QuizDeadlines>();
            }

            public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
                endpoints.MapPost("/api/quiz/{courseId}/{quizId}/pass", async (string courseId, string quizId, ICurrentActor current, IEngineEvents events) =>
                {
                    await events.PublishAsync(new ActivityCompleted(current.Actor.AccountId!.Value, courseId, "quiz", quizId, DateTimeOffset.UtcNow), CancellationToken.None);
                    return Results.NoContent();
                });

            public ValueTask StartAsync(IServiceProvider services, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        }

        public sealed class QuizDeadlines : IUpcomingItems
        {
            public ValueTask<System.Collections.Generic.IReadOnlyList<UpcomingItem>> ForLearnerAsync(long accountId, System.Collections.Generic.IReadOnlyList<string> courseIds, CancellationToken cancellationToken) =>
                ValueTask.FromResult<System.Collections.Generic.IReadOnlyList<UpcomingItem>>(courseIds
                    .Select(id => new UpcomingItem(id, "deadline", "Final quiz closes", DateTimeOffset.UtcNow.AddDays(3), $"/courses/{id}/home"))
                    .ToList());
        }
        """;

    [Test]
    public async Task ModuleWithQuizzes_CompletesWhenThePluginReportsThemPassed_NotByHand()
    {
        var root = Directory.CreateTempSubdirectory("ecampus-quiz-").FullName;
        PluginCompiler.Install(Path.Combine(root, "plugins"), "Quiz", QuizSource);
        SamplePacks.CopyInto(Path.Combine(root, "packs"), Course);
        await using var site = await TestSite.StartAsync(root: root);
        await site.CreateAccountAsync("ana@example.org", "Ana");
        using var ana = await site.ApiClientAsync("ana@example.org");
        (await ana.PostAsJsonAsync($"/api/v1/courses/{Course}/enrolment", new { })).EnsureSuccessStatusCode();

        var byHand = await ana.PostAsync($"/api/v1/courses/{Course}/modules/what-are-labour-standards/completion", null);
        Assert.That(byHand.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await byHand.Content.ReadAsStringAsync());

        (await ana.PostAsync($"/api/quiz/{Course}/check-1/pass", null)).EnsureSuccessStatusCode();
        Assert.That(await StateAsync(ana, "what-are-labour-standards"), Is.Not.EqualTo("done"), "done with the baseline quiz still open");

        (await ana.PostAsync($"/api/quiz/{Course}/baseline/pass", null)).EnsureSuccessStatusCode();
        Assert.That(await StateAsync(ana, "what-are-labour-standards"), Is.EqualTo("done"));
        Assert.That(await StateAsync(ana, "fundamental-principles"), Is.EqualTo("available"));

        var dashboard = await ana.GetFromJsonAsync<JsonElement>("/api/v1/me/dashboard");
        var upcoming = dashboard.GetProperty("upcoming");
        Assert.That(upcoming.GetArrayLength(), Is.EqualTo(1));
        Assert.That(upcoming[0].GetProperty("title").GetString(), Is.EqualTo("Final quiz closes"));
        Assert.That(dashboard.GetProperty("learning")[0].GetProperty("percent").GetInt32(), Is.EqualTo(25));
    }

    private static async Task<string?> StateAsync(HttpClient client, string moduleId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/courses/{Course}/modules")).EnumerateArray()
            .Single(m => m.GetProperty("moduleId").GetString() == moduleId).GetProperty("state").GetString();
}
