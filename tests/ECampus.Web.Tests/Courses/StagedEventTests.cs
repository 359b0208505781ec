using System.Net;
using Dapper;
using ECampus.Sdk;
using ECampus.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Web.Tests.Courses;

/// <summary>
/// Events staged in the write that causes them: a quiz passed just before the process stopped still completes the
/// learner's module once the site is back, and an event of a write that rolled back never happens.
/// </summary>
public sealed class StagedEventTests
{
    private const string Course = SamplePacks.SelfPaced;
    private const string FirstModule = "what-are-labour-standards";

    private TestSite _site = null!;
    private HttpClient _ana = null!;
    private long _anaId;

    [SetUp]
    public async Task EnrolALearner()
    {
        _site = await SamplePacks.StartSiteAsync(null, SamplePacks.SelfPaced);
        _anaId = await _site.CreateAccountAsync("ana@example.org", "Ana");
        _ana = await _site.ApiClientAsync("ana@example.org");
        await _ana.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { }, HttpStatusCode.Created);
    }

    [TearDown]
    public async Task StopSite()
    {
        _ana.Dispose();
        await _site.DisposeAsync();
    }

    [Test]
    public async Task StagedAndPublished_IsHandledOnce_AndLeavesNothingBehind()
    {
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var events = scope.ServiceProvider.GetRequiredService<IEngineEvents>();
            foreach (var staged in await StageFirstModuleQuizzesAsync(events))
            {
                await events.PublishAsync(staged, CancellationToken.None);
            }
        }

        Assert.That((await _ana.ModuleStatesAsync(Course))[FirstModule], Is.EqualTo("done"));
        Assert.That(await OutboxCountAsync(), Is.Zero, "a delivered event was left in the outbox (it would be delivered again)");
        await using var db = _site.Open();
        Assert.That(await db.ExecuteScalarAsync<long>("SELECT count(*) FROM module_progress WHERE account_id = @_anaId AND completed_at IS NOT NULL", new { _anaId }), Is.EqualTo(1));
    }

    [Test]
    public async Task StagedButNeverPublished_TheProcessStopped_IsDeliveredWhenTheSiteStartsAgain()
    {
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await StageFirstModuleQuizzesAsync(scope.ServiceProvider.GetRequiredService<IEngineEvents>());
        }

        Assert.That((await _ana.ModuleStatesAsync(Course))[FirstModule], Is.Not.EqualTo("done"), "nothing was published yet");
        Assert.That(await OutboxCountAsync(), Is.EqualTo(2));

        await _site.RestartAsync();
        using var ana = await _site.ApiClientAsync("ana@example.org");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await OutboxCountAsync() > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.That(await OutboxCountAsync(), Is.Zero, "the staged events were not delivered after the restart");
        Assert.That((await ana.ModuleStatesAsync(Course))[FirstModule], Is.EqualTo("done"));
    }

    [Test]
    public async Task StagedInAWriteThatRollsBack_NeverHappens()
    {
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var events = scope.ServiceProvider.GetRequiredService<IEngineEvents>();
            var database = scope.ServiceProvider.GetRequiredService<IDatabase>();
            Assert.ThrowsAsync<InvalidOperationException>(() => database.WriteAsync<int>(async (connection, transaction) =>
            {
                await events.StageAsync(connection, transaction, Completed("baseline"), CancellationToken.None);
                throw new InvalidOperationException("the write fails after staging");
            }, CancellationToken.None));
        }

        Assert.That(await OutboxCountAsync(), Is.Zero);
        await _site.RestartAsync();
        await using var db = _site.Open();
        Assert.That(await db.ExecuteScalarAsync<long>("SELECT count(*) FROM activity_completion WHERE account_id = @_anaId", new { _anaId }), Is.Zero);
    }

    [Test]
    public async Task OnlyTheSdksEventTypes_CanBeStaged()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var events = scope.ServiceProvider.GetRequiredService<IEngineEvents>();
        var database = scope.ServiceProvider.GetRequiredService<IDatabase>();

        var refused = Assert.ThrowsAsync<ArgumentException>(() => database.WriteAsync((connection, transaction) =>
            events.StageAsync(connection, transaction, new SomethingElse(DateTimeOffset.UtcNow), CancellationToken.None), CancellationToken.None));

        Assert.That(refused!.Message, Does.Contain("Only the SDK's event types can be staged"));
        Assert.That(await OutboxCountAsync(), Is.Zero);
    }

    private sealed record SomethingElse(DateTimeOffset At) : IEngineEvent;

    private ActivityCompleted Completed(string quizId) => new(_anaId, Course, "quiz", quizId, DateTimeOffset.UtcNow);

    /// <summary>What the quizzes plug-in writes when the learner passes the module's two quizzes: the completions, staged in one write.</summary>
    private async Task<IReadOnlyList<StagedEvent>> StageFirstModuleQuizzesAsync(IEngineEvents events) =>
        await _site.Services.GetRequiredService<IDatabase>().WriteAsync(async (connection, transaction) => (IReadOnlyList<StagedEvent>)
        [
            await events.StageAsync(connection, transaction, Completed("baseline"), CancellationToken.None),
            await events.StageAsync(connection, transaction, Completed("check-1"), CancellationToken.None),
        ], CancellationToken.None);

    private async Task<long> OutboxCountAsync()
    {
        await using var db = _site.Open();
        return await db.ExecuteScalarAsync<long>("SELECT count(*) FROM event_outbox");
    }
}
