using System.Net;
using Dapper;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Forums;

/// <summary>
/// A post is announced live as soon as it is stored and its followers are notified in a second write; a post whose
/// second write never happened (the process stopped) has its followers notified once the site is back, exactly once,
/// and as moderation has left the post meanwhile.
/// </summary>
public sealed class FollowerNotificationTests
{
    private ForumFixture _forums = null!;
    private long _threadId;

    [SetUp]
    public async Task StartSite()
    {
        _forums = await ForumFixture.StartAsync();
        (_threadId, _) = await _forums.StartThreadAsync("ana", await _forums.CourseForumAsync("ana"));
    }

    [TearDown]
    public async Task StopSite() => await _forums.DisposeAsync();

    [Test]
    public async Task AReply_NotifiesItsFollowersBeforeItIsAnswered_AndLeavesNothingPending()
    {
        var postId = await ReplyAsync("tina", "Have you looked at the wage board's minutes?");

        Assert.That(await NotifiedAsync(postId), Is.EqualTo(new[] { _forums.Ids["ana"] }), "Ana follows the thread she started; Tina wrote the post");
        Assert.That(await PendingAsync(), Is.Empty);
        Assert.That((await _forums["ana"].GetJsonAsync("/api/v1/forums/notifications")).GetProperty("unread").GetInt64(), Is.EqualTo(1));
    }

    [Test]
    public async Task FollowersNotNotifiedWhenTheProcessStopped_AreNotifiedOnceWhenTheSiteStartsAgain_AndNotOfAPostHiddenMeanwhile()
    {
        var kept = await ReplyAsync("tina", "Here are the minutes.");
        var hidden = await ReplyAsync("tina", "Off-topic aside.");
        await using (var db = _forums.Site.Open())
        {
            // As a process stopped between a post's commit and its followers' write leaves them.
            await db.ExecuteAsync("DELETE FROM forum_notification WHERE post_id IN @Posts; UPDATE forum_post SET followers_pending = 1 WHERE id IN @Posts",
                new { Posts = new[] { kept, hidden } });
        }

        await _forums["tina"].PostJsonAsync($"/api/v1/posts/{hidden}/moderation", new { action = "hide", reason = "Off topic" }, HttpStatusCode.NoContent);
        Assert.That(await NotifiedAsync(kept), Is.Empty, "nothing notified yet");

        await RestartAndAwaitTheSweepAsync(leftPending: 0);

        Assert.That(await PendingAsync(), Is.Empty, "the followers of a pending post were not notified after the restart");
        Assert.That(await NotifiedAsync(kept), Is.EqualTo(new[] { _forums.Ids["ana"] }));
        Assert.That(await NotifiedAsync(hidden), Is.EqualTo(new[] { _forums.Ids["ana"] }), "the notification of the hidden post is kept, hidden");
        using var ana = await _forums.Site.ApiClientAsync("ana@example.org");
        Assert.That((await ana.GetJsonAsync("/api/v1/forums/notifications")).GetProperty("unread").GetInt64(), Is.EqualTo(1), "a hidden post counted as unread");
    }

    [Test]
    public async Task AReplyWhoseFollowersCannotBeNotified_IsStillAccepted_AndTheSweepNotifiesThemLater()
    {
        await using (var db = _forums.Site.Open())
        {
            // The second write fails (as a full disk or a bug would make it); the post's own write has committed.
            await db.ExecuteAsync("CREATE TRIGGER refuse_notifications BEFORE INSERT ON forum_notification BEGIN SELECT RAISE(ABORT, 'notifications refused'); END");
        }

        var postId = await ReplyAsync("tina", "Posted while notifications fail.");
        Assert.That(await PendingAsync(), Is.EqualTo(new[] { postId }), "the post is not marked for the sweep");
        Assert.That((await _forums["ana"].GetJsonAsync($"/api/v1/threads/{_threadId}")).GetProperty("posts").EnumerateArray()
            .Select(p => p.GetProperty("id").GetInt64()), Does.Contain(postId), "the accepted post was lost");

        await using (var db = _forums.Site.Open())
        {
            await db.ExecuteAsync("DROP TRIGGER refuse_notifications");
        }

        await RestartAndAwaitTheSweepAsync(leftPending: 0);

        Assert.That(await NotifiedAsync(postId), Is.EqualTo(new[] { _forums.Ids["ana"] }));
    }

    [Test]
    public async Task TheSweep_PassesOverAPostItCannotDo_AndNotifiesTheFollowersOfTheOthers()
    {
        var stuck = await ReplyAsync("tina", "A post whose notifications keep failing.");
        var next = await ReplyAsync("tina", "A post after it.");
        await using (var db = _forums.Site.Open())
        {
            await db.ExecuteAsync("DELETE FROM forum_notification WHERE post_id IN @Posts; UPDATE forum_post SET followers_pending = 1 WHERE id IN @Posts",
                new { Posts = new[] { stuck, next } });
            await db.ExecuteAsync($"CREATE TRIGGER refuse_one BEFORE INSERT ON forum_notification WHEN NEW.post_id = {stuck} BEGIN SELECT RAISE(ABORT, 'refused'); END");
        }

        await RestartAndAwaitTheSweepAsync(leftPending: 1);

        Assert.That(await PendingAsync(), Is.EqualTo(new[] { stuck }), "the sweep stopped at the post it could not do");
        Assert.That(await NotifiedAsync(next), Is.EqualTo(new[] { _forums.Ids["ana"] }));
    }

    /// <summary>Starts the site again and waits (at most 20 s) until the sweep leaves no more than that many posts pending.</summary>
    private async Task RestartAndAwaitTheSweepAsync(int leftPending)
    {
        await _forums.Site.RestartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await PendingAsync()).Count > leftPending && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private async Task<long> ReplyAsync(string who, string body) =>
        (await _forums[who].PostJsonAsync($"/api/v1/threads/{_threadId}/posts", new { body }, HttpStatusCode.Created)).GetProperty("postId").GetInt64();

    private async Task<List<long>> NotifiedAsync(long postId)
    {
        await using var db = _forums.Site.Open();
        return (await db.QueryAsync<long>("SELECT account_id FROM forum_notification WHERE post_id = @postId ORDER BY account_id", new { postId })).ToList();
    }

    private async Task<List<long>> PendingAsync()
    {
        await using var db = _forums.Site.Open();
        return (await db.QueryAsync<long>("SELECT id FROM forum_post WHERE followers_pending = 1")).ToList();
    }
}
