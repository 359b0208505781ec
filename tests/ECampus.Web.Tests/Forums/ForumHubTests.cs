using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ECampus.Web.Tests.Forums;

/// <summary>
/// The forum hub: joining a group is checked like pages are, changes reach the people watching, and replies through
/// the hub obey the same rules as the API (a locked thread refuses them).
/// </summary>
public sealed class ForumHubTests
{
    private ForumFixture _forums = null!;
    private long _forumId;
    private long _threadId;

    [SetUp]
    public async Task StartSite()
    {
        _forums = await ForumFixture.StartAsync();
        _forumId = await _forums.CourseForumAsync("ana");
        (_threadId, _) = await _forums.StartThreadAsync("ana", _forumId);
    }

    [TearDown]
    public async Task StopSite() => await _forums.DisposeAsync();

    private async Task<HubConnection> ConnectAsync(string who, Action<HubConnection>? listen = null)
    {
        var token = _forums[who].DefaultRequestHeaders.Authorization!.Parameter!;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_forums.Site.BaseAddress, "/hubs/forums"), options => options.Headers["Authorization"] = "Bearer " + token)
            .Build();
        listen?.Invoke(connection);
        await connection.StartAsync();
        return connection;
    }

    [TestCase("ben")]
    [TestCase("theo")]
    [TestCase("olga")]
    [TestCase("nora")]
    public async Task JoiningAnotherCohortsThread_IsRefused_AndNothingIsDelivered(string who)
    {
        await using var connection = await ConnectAsync(who);
        var changes = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("forumChanged", change => changes.Writer.TryWrite(change));

        var joinThread = Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("JoinThread", _threadId));
        var joinForum = Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("JoinForum", _forumId));
        var reply = Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<long>("Reply", _threadId, "Listening in", (long?)null));
        Assert.That(joinThread!.Message + joinForum!.Message + reply!.Message, Does.Contain("no access"));

        await _forums["ana"].PostJsonAsync($"/api/v1/threads/{_threadId}/posts", new { body = "Anyone there?" }, HttpStatusCode.Created);
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        Assert.That(async () => await changes.Reader.ReadAsync(wait.Token), Throws.InstanceOf<OperationCanceledException>(), $"{who} heard a thread they may not read");
    }

    [Test]
    public async Task ATutorWatchingTheThread_HearsTheLearnersReply_AndTheLearnerHearsTheUnreadCount()
    {
        await using var tina = await ConnectAsync("tina");
        var changes = Channel.CreateUnbounded<JsonElement>();
        tina.On<JsonElement>("forumChanged", change => changes.Writer.TryWrite(change));
        await tina.InvokeAsync("JoinThread", _threadId);

        var unread = Channel.CreateUnbounded<long>();
        await using var ana = await ConnectAsync("ana", connection => connection.On<long>("unread", count => unread.Writer.TryWrite(count)));
        Assert.That(await ReadAsync(unread), Is.Zero, "the count on connecting");

        var postId = (await _forums["tina"].PostJsonAsync($"/api/v1/threads/{_threadId}/posts", new { body = "Good example, Ana." }, HttpStatusCode.Created)).GetProperty("postId").GetInt64();
        Assert.That(await ReadAsync(unread), Is.EqualTo(1), "Ana started the thread, so she follows it and hears of Tina's reply");

        var replyId = await ana.InvokeAsync<long>("Reply", _threadId, "Thank you!", (long?)postId);
        var change = await ReadAsync(changes);
        while (change.GetProperty("change").GetString() != "post-added" || change.GetProperty("postId").GetInt64() != replyId)
        {
            change = await ReadAsync(changes);
        }

        var thread = await _forums["tina"].GetJsonAsync($"/api/v1/threads/{_threadId}");
        var reply = thread.GetProperty("posts").EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == replyId);
        Assert.That(reply.GetProperty("parentId").GetInt64(), Is.EqualTo(postId), "the hub reply lost its parent");
    }

    [Test]
    public async Task ReadingTheThreadElsewhere_PushesTheFallenUnreadCount_AndHidingAPostCountsItNoMore()
    {
        var unread = Channel.CreateUnbounded<long>();
        await using var ana = await ConnectAsync("ana", connection => connection.On<long>("unread", count => unread.Writer.TryWrite(count)));
        Assert.That(await ReadAsync(unread), Is.Zero, "the count on connecting");

        var first = (await _forums["tina"].PostJsonAsync($"/api/v1/threads/{_threadId}/posts", new { body = "One" }, HttpStatusCode.Created)).GetProperty("postId").GetInt64();
        Assert.That(await ReadAsync(unread), Is.EqualTo(1));
        await _forums["tina"].PostJsonAsync($"/api/v1/threads/{_threadId}/posts", new { body = "Two" }, HttpStatusCode.Created);
        Assert.That(await ReadAsync(unread), Is.EqualTo(2));
        await _forums["tina"].PostJsonAsync($"/api/v1/posts/{first}/moderation", new { action = "hide", reason = "Duplicate" }, HttpStatusCode.NoContent);
        Assert.That((await _forums["ana"].GetJsonAsync("/api/v1/forums/notifications")).GetProperty("unread").GetInt64(), Is.EqualTo(1),
            "a hidden post still counts as unread");

        // Ana reads the thread in another tab (here, the API): this connection hears the count fall.
        await _forums["ana"].GetJsonAsync($"/api/v1/threads/{_threadId}");
        Assert.That(await ReadAsync(unread), Is.Zero, "reading the thread did not push the new count");
    }

    [Test]
    public async Task ALockedThread_RefusesRepliesThroughTheHubTheApiAndThePage()
    {
        await using var ana = await ConnectAsync("ana");
        var changes = Channel.CreateUnbounded<JsonElement>();
        ana.On<JsonElement>("forumChanged", change => changes.Writer.TryWrite(change));
        await ana.InvokeAsync("JoinThread", _threadId);

        await _forums["tina"].PostJsonAsync($"/api/v1/threads/{_threadId}/moderation", new { action = "lock", reason = "Week is over" }, HttpStatusCode.NoContent);
        Assert.That((await ReadAsync(changes)).GetProperty("change").GetString(), Is.EqualTo("thread-moderated"));

        var hub = Assert.ThrowsAsync<HubException>(() => ana.InvokeAsync<long>("Reply", _threadId, "One more thing", (long?)null));
        Assert.That(hub!.Message, Does.Contain("locked"));
        await _forums["ana"].PostJsonAsync($"/api/v1/threads/{_threadId}/posts", new { body = "One more thing" }, HttpStatusCode.Conflict);

        using var browser = await _forums.Site.BrowserClientAsync("ana@example.org");
        var page = await browser.GetStringAsync($"/forums/threads/{_threadId}");
        Assert.That(page, Does.Not.Contain("Post reply").And.Contain("This thread is locked"), "the reply box is still offered");
        var posted = await TestSite.PostFormAsync(browser, $"/forums/threads/{_threadId}", new() { ["body"] = "One more thing" });
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        await using var db = _forums.Site.Open();
        Assert.That(Dapper.SqlMapper.ExecuteScalar<long>(db, "SELECT count(*) FROM forum_post WHERE thread_id = @_threadId", new { _threadId }), Is.EqualTo(1),
            "a reply was stored in a locked thread");
        Assert.That(Dapper.SqlMapper.ExecuteScalar<string>(db, "SELECT action || ':' || reason FROM forum_moderation_log WHERE thread_id = @_threadId", new { _threadId }),
            Is.EqualTo("lock:Week is over"), "the lock was not logged with its reason");
    }

    [Test]
    public async Task ConnectionsWithoutASession_OrFromAnotherSite_AreRefused()
    {
        var anonymous = new HubConnectionBuilder().WithUrl(new Uri(_forums.Site.BaseAddress, "/hubs/forums")).Build();
        Assert.That(async () => await anonymous.StartAsync(), Throws.Exception, "an anonymous visitor connected");

        var token = _forums["ana"].DefaultRequestHeaders.Authorization!.Parameter!;
        var foreign = new HubConnectionBuilder()
            .WithUrl(new Uri(_forums.Site.BaseAddress, "/hubs/forums"), options =>
            {
                options.Headers["Authorization"] = "Bearer " + token;
                options.Headers["Origin"] = "https://evil.example";
            }).Build();
        Assert.That(async () => await foreign.StartAsync(), Throws.Exception, "a connection from another site's page was accepted");
        await anonymous.DisposeAsync();
        await foreign.DisposeAsync();
    }

    private static async Task<T> ReadAsync<T>(Channel<T> channel)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await channel.Reader.ReadAsync(timeout.Token);
    }
}
