using System.Net;
using System.Net.Http.Json;
using Dapper;
using ECampus.Engine.Features.Forums;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Forums;

/// <summary>What people write: limits refuse and store nothing, digests stay rare, search finds.</summary>
public sealed class ForumContentTests
{
    private ForumFixture _forums = null!;

    [SetUp]
    public async Task StartSite() => _forums = await ForumFixture.StartAsync(settings =>
    {
        settings["ECampus:Forums:MaxPostsPerWindow"] = "3";
        settings["ECampus:Forums:DigestPeriod"] = "01:00:00";
    });

    [TearDown]
    public async Task StopSite() => await _forums.DisposeAsync();

    [Test]
    public async Task PostingPastTheRateLimit_Answers429_AndStoresNothing_WhileOversizedAndEmptyPostsAre400()
    {
        var forumId = await _forums.CourseForumAsync("ana");
        var (threadId, _) = await _forums.StartThreadAsync("ana", forumId);
        await _forums["ana"].PostJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "two" }, HttpStatusCode.Created);
        await _forums["ana"].PostJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "three" }, HttpStatusCode.Created);

        var fourth = await _forums["ana"].PostAsJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "four" });
        Assert.That(fourth.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(fourth.Headers.RetryAfter, Is.Not.Null, "a throttled post does not say when to retry");

        var huge = await _forums["ben"].PostJsonAsync($"/api/v1/forums/{await _forums.CourseForumAsync("ben")}/threads",
            new { title = "Long", body = new string('a', 64 * 1024 + 1) }, HttpStatusCode.BadRequest);
        Assert.That(huge.GetProperty("errors").GetProperty("body")[0].GetString(), Does.Contain("at most"));
        await _forums["ben"].PostJsonAsync($"/api/v1/forums/{await _forums.CourseForumAsync("ben")}/threads", new { title = " ", body = "x" }, HttpStatusCode.BadRequest);

        await using var db = _forums.Site.Open();
        Assert.That(await db.ExecuteScalarAsync<long>("SELECT count(*) FROM forum_post"), Is.EqualTo(3), "a refused post was stored");
    }

    [Test]
    public async Task ABusyForum_SendsEachFollowerAtMostOneDigestPerPeriod()
    {
        var forumId = await _forums.CourseForumAsync("ana");
        var (threadId, _) = await _forums.StartThreadAsync("ana", forumId, "Busy thread");
        await _forums["tina"].PostJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "First answer" }, HttpStatusCode.Created);
        await _forums["tina"].PostJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "Second answer" }, HttpStatusCode.Created);

        Assert.That(await _forums.Site.SendAsSystemAsync(new SendForumDigests()), Is.EqualTo(1), "Ana, who follows her thread, gets one digest");
        await _forums["tina"].PostJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "Third answer" }, HttpStatusCode.Created);
        Assert.That(await _forums.Site.SendAsSystemAsync(new SendForumDigests()), Is.Zero, "a second digest within the period");

        var mails = (await _forums.Site.DeliveredMailsAsync()).Where(m => m.Contains("New forum posts", StringComparison.Ordinal)).ToList();
        Assert.That(mails, Has.Count.EqualTo(1));
        Assert.That(mails[0], Does.Contain("ana@example.org").And.Contain("Busy thread").And.Contain("2 new posts").And.Not.Contain("First answer"),
            "the digest names the thread and count, never post text");

        var notifications = await _forums["ana"].GetJsonAsync("/api/v1/forums/notifications");
        Assert.That(notifications.GetProperty("unread").GetInt64(), Is.EqualTo(3), "in-app notifications");
    }

    [Test]
    public async Task Search_FindsWordsInTitlesAndPosts_TreatsOperatorsAsText_AndRefusesAnEmptyQuery()
    {
        var forumId = await _forums.CourseForumAsync("ana");
        var (threadId, _) = await _forums.StartThreadAsync("ana", forumId, "Wage subsidies", "Did the apprenticeship grants work in Ghana?");

        async Task<List<long>> Search(string q) => (await _forums["tina"].GetJsonAsync($"/api/v1/courses/{ForumFixture.Course}/forums/search?q={Uri.EscapeDataString(q)}"))
            .EnumerateArray().Select(h => h.GetProperty("threadId").GetInt64()).ToList();

        Assert.Multiple(async () =>
        {
            Assert.That(await Search("ghana"), Is.EqualTo(new[] { threadId }), "a word in the body");
            Assert.That(await Search("subsid"), Is.EqualTo(new[] { threadId }), "the prefix of a word in the title");
            Assert.That(await Search("apprenticeship NEAR(\"x\" OR"), Is.Empty, "operators are words to find, not syntax");
            Assert.That(await Search("Ghana\" OR \"x"), Is.Empty);
        });
        await _forums["tina"].GetJsonAsync($"/api/v1/courses/{ForumFixture.Course}/forums/search?q=%22%2A", HttpStatusCode.BadRequest);

        await _forums["tina"].PostJsonAsync($"/api/v1/threads/{threadId}/moderation", new { action = "hide" }, HttpStatusCode.NoContent);
        Assert.That(await Search("ghana"), Is.Empty, "a hidden thread is found by search");
    }
}
