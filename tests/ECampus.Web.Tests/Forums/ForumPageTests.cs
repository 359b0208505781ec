using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Forums;

/// <summary>
/// The forum pages over real HTTP, for a learner and tutor of cohort A, cohort B's learner and tutor, another course's
/// tutor, a signed-in stranger and an anonymous visitor: who may open each page and what it shows them. Ana reported
/// nothing yet; Ben reported a post of cohort B's thread; Ana belongs to a private community Tina moderates.
/// </summary>
public sealed class ForumPageTests
{
    private static readonly string[] Everyone = ["ana", "tina", "ben", "theo", "olga", "nora", "anonymous"];

    private readonly HtmlParser _parser = new();
    private readonly Dictionary<string, HttpClient> _browsers = [];
    private ForumFixture _forums = null!;
    private long _forumA;
    private long _forumB;
    private long _communityId;
    private long _publicCommunityId;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _forums = await ForumFixture.StartAsync(settings => settings["ECampus:Forums:MaxPostsPerWindow"] = "1000");
        _forumA = await _forums.CourseForumAsync("ana");
        _forumB = await _forums.CourseForumAsync("ben");
        await _forums.StartThreadAsync("ana", _forumA, "Minimum wage evidence", "Which studies did your ministry use?");
        var (_, benPostId) = await _forums.StartThreadAsync("ben", _forumB, "Cohort B thread", "Spam spam spam");
        await _forums["theo"].PostJsonAsync($"/api/v1/posts/{benPostId}/reports", new { reason = "Looks like spam" }, HttpStatusCode.NoContent);

        _communityId = (await _forums.Admin.PostJsonAsync("/api/v1/communities",
            new { title = "Labour inspectors", description = "Inspectors sharing practice", isPublic = false, openToRequests = false }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        _publicCommunityId = (await _forums.Admin.PostJsonAsync("/api/v1/communities",
            new { title = "Open data users", description = "Anyone may read", isPublic = true, openToRequests = true }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        foreach (var name in new[] { "ana", "tina" })
        {
            (await _forums.Admin.PutAsync($"/api/v1/communities/{_communityId}/members/{_forums.Ids[name]}", ForumFixture.JsonContent(new { action = "invite" }))).EnsureSuccessStatusCode();
        }

        (await _forums.Admin.PutAsync($"/api/v1/communities/{_communityId}/members/{_forums.Ids["tina"]}", ForumFixture.JsonContent(new { action = "make-moderator" }))).EnsureSuccessStatusCode();
        foreach (var name in new[] { "ana", "tina", "ben", "theo", "olga", "nora" })
        {
            _browsers[name] = await _forums.Site.BrowserClientAsync($"{name}@example.org");
        }

        _browsers["anonymous"] = _forums.Site.Client();
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        foreach (var browser in _browsers.Values)
        {
            browser.Dispose();
        }

        await _forums.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, IDocument Page, string? Location)> GetAsync(string who, string path)
    {
        using var response = await _browsers[who].GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, _parser.ParseDocument(html), response.Headers.Location?.OriginalString);
    }

    private static void AssertSentToSignIn((HttpStatusCode Status, IDocument Page, string? Location) answer, string path)
    {
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Redirect), $"an anonymous visitor was not sent to sign in from {path}");
        Assert.That(answer.Location, Does.StartWith("/account/login?returnUrl="), path);
    }

    private static List<string> Links(IDocument page, string prefix) =>
        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href") ?? "").Where(href => href.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    [TestCaseSource(nameof(Everyone))]
    public async Task ForumListPage_ShowsACourseMemberTheirOwnCohortsForums_AndTheQueueLinkToTutorsOnly(string who)
    {
        var path = $"/courses/{ForumFixture.Course}/forums";
        var answer = await GetAsync(who, path);
        if (who == "anonymous")
        {
            AssertSentToSignIn(answer, path);
            return;
        }

        if (who is "olga" or "nora")
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotFound), $"{who} is not in the course");
            Assert.That(answer.Page.Body!.TextContent, Does.Not.Contain("Minimum wage evidence"));
            return;
        }

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
        var forums = Links(answer.Page, "/forums/");
        var ownCohort = who is "ana" or "tina" ? _forumA : _forumB;
        var otherCohort = who is "ana" or "tina" ? _forumB : _forumA;
        Assert.Multiple(() =>
        {
            Assert.That(forums, Does.Contain($"/forums/{ownCohort}"), "the cohort's course forum");
            Assert.That(forums, Does.Not.Contain($"/forums/{otherCohort}"), "the other cohort's forum is listed");
            Assert.That(answer.Page.QuerySelectorAll(".forum-list li").Select(li => li.TextContent),
                Has.Some.Contains("Discussion: ").And.Some.Contains("Course forum"), "the course forum and the module discussions");
            Assert.That(forums.Contains("/forums/moderation"), Is.EqualTo(who is "tina" or "theo"), "the moderation queue link is for tutors");
        });
    }

    [TestCaseSource(nameof(Everyone))]
    public async Task ModerationQueuePage_ShowsATutorTheReportsOfTheirOwnCohortOnly_AndRefusesLearners(string who)
    {
        var answer = await GetAsync(who, "/forums/moderation");
        switch (who)
        {
            case "anonymous":
                AssertSentToSignIn(answer, "/forums/moderation");
                return;
            case "ana" or "ben" or "nora":
                Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Forbidden), $"{who} moderates nothing");
                Assert.That(answer.Page.QuerySelector("main")!.TextContent, Does.Contain("Only tutors and community moderators"));
                Assert.That((await _forums[who].GetAsync("/api/v1/forums/moderation-queue")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the API answers the same");
                return;
        }

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
        var main = answer.Page.QuerySelector("main")!.TextContent;
        if (who == "theo")
        {
            Assert.That(main, Does.Contain("Cohort B thread").And.Contain("Looks like spam"), "the report in Theo's cohort");
            Assert.That(answer.Page.QuerySelectorAll("main form button").Select(b => b.TextContent), Is.SupersetOf(new[] { "Hide", "Delete", "Keep the post" }));
        }
        else
        {
            Assert.That(main, Does.Not.Contain("Cohort B thread").And.Contain("No reported posts wait for you"), $"{who} sees another cohort's report");
        }
    }

    [Test]
    public async Task ModerationQueuePage_KeepingAPost_ClosesItsReport_AndLogsWhoDidIt()
    {
        var (_, postId) = await _forums.StartThreadAsync("ana", _forumA, "To be reported", "Buy cheap watches");
        await _forums["ana"].PostJsonAsync($"/api/v1/posts/{postId}/reports", new { reason = "Advert" }, HttpStatusCode.NoContent);

        var hidden = await TestSite.PostFormAsync(_browsers["tina"], $"/forums/moderation?postId={postId}",
            new() { ["action"] = "hide", ["reason"] = "An advert" }, formPage: "/forums/moderation");
        Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await hidden.Content.ReadAsStringAsync());

        var after = await GetAsync("tina", "/forums/moderation");
        Assert.Multiple(() =>
        {
            Assert.That(after.Page.QuerySelectorAll("main article").Select(a => a.TextContent), Has.None.Contains("To be reported"), "the report is still open");
            Assert.That(after.Page.QuerySelectorAll("main table tbody tr").Select(r => r.TextContent), Has.Some.Contains("Tina").And.Some.Contains("An advert"),
                "the log does not say who hid the post and why");
        });
    }

    [TestCaseSource(nameof(Everyone))]
    public async Task CommunitiesListPage_ListsPrivateCommunitiesToTheirMembersOnly(string who)
    {
        var answer = await GetAsync(who, "/communities");
        if (who == "anonymous")
        {
            AssertSentToSignIn(answer, "/communities");
            return;
        }

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
        var member = who is "ana" or "tina";
        var titles = answer.Page.QuerySelectorAll(".forum-list li").Select(li => li.TextContent).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(titles, member ? Has.Some.Contains("Labour inspectors") : Has.None.Contains("Labour inspectors"), "the private, closed community");
            Assert.That(titles, Has.Some.Contains("Open data users"), "the public community");
            Assert.That(Links(answer.Page, "/communities/").Contains($"/communities/{_communityId}"), Is.EqualTo(member));
            Assert.That(answer.Page.QuerySelector("#new-community"), Is.Null, "only administrators open communities");
        });
    }

    [TestCaseSource(nameof(Everyone))]
    public async Task CommunityPage_IsForMembers_ShowsMembersToItsModerator_AndAPublicOneToAnyoneSignedIn(string who)
    {
        var path = $"/communities/{_communityId}";
        var answer = await GetAsync(who, path);
        if (who == "anonymous")
        {
            AssertSentToSignIn(answer, path);
            AssertSentToSignIn(await GetAsync(who, $"/communities/{_publicCommunityId}"), "the public community");
            return;
        }

        if (who is not ("ana" or "tina"))
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotFound), $"{who} opened a private community");
            Assert.That(answer.Page.Body!.TextContent, Does.Not.Contain("Inspectors sharing practice"));
            var open = await GetAsync(who, $"/communities/{_publicCommunityId}");
            Assert.That(open.Status, Is.EqualTo(HttpStatusCode.OK), "a public community is readable by anyone signed in");
            Assert.That(open.Page.QuerySelector("h1")!.TextContent, Is.EqualTo("Open data users"));
            return;
        }

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
        var forumLink = Links(answer.Page, "/forums/").Single();
        var members = answer.Page.QuerySelectorAll("#members ~ .table-wrap table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(answer.Page.QuerySelector("h1")!.TextContent, Is.EqualTo("Labour inspectors"));
            Assert.That(answer.Page.QuerySelector("main")!.TextContent, Does.Contain("Inspectors sharing practice"));
            Assert.That(members, who == "tina" ? Has.Count.EqualTo(2).And.Some.Contains("Ana") : Is.Empty, "only the moderator sees the members");
        });

        var forum = await GetAsync(who, forumLink);
        Assert.That(forum.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(forum.Page.QuerySelector("#new-thread"), Is.Not.Null, "members may start threads in their community");
    }

    [TestCase("ben")]
    [TestCase("nora")]
    public async Task APublicCommunitysForum_IsReadOnlyForNonMembers(string who)
    {
        var forumId = (await _forums[who].GetJsonAsync($"/api/v1/communities/{_publicCommunityId}")).GetProperty("forumId").GetInt64();
        var forum = await GetAsync(who, $"/forums/{forumId}");
        Assert.That(forum.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(forum.Page.QuerySelector("#new-thread"), Is.Null, "a non-member is offered to start a thread");
        var posted = await TestSite.PostFormAsync(_browsers[who], $"/forums/{forumId}", new() { ["title"] = "Hello", ["body"] = "From outside" });
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a non-member started a thread");
    }

    [Test]
    public async Task TheNavBadge_CountsUnreadNotifications_AndOpeningTheThreadClearsIt()
    {
        var (threadId, postId) = await _forums.StartThreadAsync("ana", _forumA, "Badge thread", "Who counts?");
        Assert.That(await BadgeAsync("ana"), Is.Zero, "before anyone replied");

        await _forums["tina"].PostJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "I do." }, HttpStatusCode.Created);
        await _forums["tina"].PostJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "And again." }, HttpStatusCode.Created);
        Assert.That(await BadgeAsync("ana"), Is.EqualTo(2), "Ana follows her thread: two new replies");

        var notifications = await GetAsync("ana", "/forums/notifications");
        Assert.That(notifications.Page.QuerySelectorAll(".forum-list li").Select(li => li.TextContent), Has.Exactly(2).Contains("Badge thread").And.Exactly(2).Contains("New"));

        await _forums["tina"].PostJsonAsync($"/api/v1/posts/{postId}/moderation", new { action = "hide", reason = "test" }, HttpStatusCode.NoContent);
        Assert.That(await BadgeAsync("ana"), Is.EqualTo(2), "hiding a post nobody was told of leaves the count");

        var thread = await GetAsync("ana", $"/forums/threads/{threadId}");
        Assert.That(thread.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await BadgeAsync("ana"), Is.Zero, "reading the thread did not clear the badge");
    }

    [Test]
    public async Task TheNavBadge_ClearsWhenSomeoneWhoRepliedWithoutReadingOpensTheThread()
    {
        var (threadId, _) = await _forums.StartThreadAsync("ana", _forumA, "Reply first, read later");
        await _forums["tina"].PostJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "A question for you." }, HttpStatusCode.Created);
        await _forums["ana"].PostJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "Answered from my phone app." }, HttpStatusCode.Created);
        Assert.That(await BadgeAsync("ana"), Is.EqualTo(1));

        await GetAsync("ana", $"/forums/threads/{threadId}");
        Assert.That(await BadgeAsync("ana"), Is.Zero, "the notification of the post before Ana's own reply stayed unread");
    }

    [Test]
    public async Task TheNavBadge_DropsANotificationWhoseThreadAModeratorHid()
    {
        var (threadId, _) = await _forums.StartThreadAsync("ana", _forumA, "Soon hidden");
        await _forums["tina"].PostJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "Noted." }, HttpStatusCode.Created);
        Assert.That(await BadgeAsync("ana"), Is.EqualTo(1));

        await _forums["tina"].PostJsonAsync($"/api/v1/threads/{threadId}/moderation", new { action = "hide" }, HttpStatusCode.NoContent);
        Assert.That(await BadgeAsync("ana"), Is.Zero, "a notification Ana can no longer open is still counted");
        await _forums["tina"].PostJsonAsync($"/api/v1/threads/{threadId}/moderation", new { action = "unhide" }, HttpStatusCode.NoContent);
        Assert.That(await BadgeAsync("ana"), Is.EqualTo(1), "unhiding brings it back");
    }

    /// <summary>The unread count the nav shows on an ordinary page; 0 when the badge is hidden.</summary>
    private async Task<long> BadgeAsync(string who)
    {
        var (status, page, _) = await GetAsync(who, "/communities");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var badge = page.QuerySelector("header nav #unread-count") ?? throw new AssertionException("the nav has no unread badge");
        var count = long.Parse(badge.GetAttribute("data-unread")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(badge.HasAttribute("hidden"), Is.EqualTo(count == 0), $"the badge for {count} is {(badge.HasAttribute("hidden") ? "hidden" : "shown")}");
        if (count > 0)
        {
            Assert.That(badge.TextContent, Is.EqualTo($"{count} new"));
        }

        return count;
    }
}
