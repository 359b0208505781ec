using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Forums;

/// <summary>
/// Editing a post from the thread page (a plain form): the author within the edit window while the thread is open;
/// the replaced text is kept and shown to the forum's moderators only. The site runs on a clock the test moves.
/// </summary>
public sealed class ThreadEditTests
{
    private readonly HtmlParser _parser = new();
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private ForumFixture _forums = null!;
    private long _threadId;
    private long _postId;

    [SetUp]
    public async Task StartSite()
    {
        _forums = await ForumFixture.StartAsync(time: _clock);
        (_threadId, _postId) = await _forums.StartThreadAsync("ana", await _forums.CourseForumAsync("ana"), "Evidence in my work", "My first draft of the **question**.");
    }

    [TearDown]
    public async Task StopSite() => await _forums.DisposeAsync();

    private async Task<IDocument> ThreadPageAsync(HttpClient browser) =>
        _parser.ParseDocument(await browser.GetStringAsync($"/forums/threads/{_threadId}"));

    private Task<HttpResponseMessage> EditAsync(HttpClient browser, string body) =>
        TestSite.PostFormAsync(browser, $"/forums/threads/{_threadId}?handler=Edit&postId={_postId}", new() { ["editBody"] = body }, formPage: $"/forums/threads/{_threadId}");

    [Test]
    public async Task TheAuthorEditsWithinTheWindow_AndOnlyModeratorsSeeTheEarlierVersion()
    {
        using var ana = await _forums.Site.BrowserClientAsync("ana@example.org");
        var before = await ThreadPageAsync(ana);
        Assert.That(before.QuerySelector($"#edit-{_postId}")?.TextContent, Is.EqualTo("My first draft of the **question**."), "the edit form holds the Markdown");

        _clock.Advance(TimeSpan.FromMinutes(20));
        var edited = await EditAsync(ana, "My sharper question: did the *minimum wage* raise youth employment?");
        Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await edited.Content.ReadAsStringAsync());
        Assert.That(edited.Headers.Location?.OriginalString, Is.EqualTo($"/forums/threads/{_threadId}#post-{_postId}"));

        var after = await ThreadPageAsync(ana);
        var post = after.QuerySelector($"#post-{_postId}")!;
        Assert.Multiple(() =>
        {
            Assert.That(post.QuerySelector(".post-body")!.InnerHtml, Does.Contain("<em>minimum wage</em>"), "the edit was not rendered");
            Assert.That(post.QuerySelector("header")!.TextContent, Does.Contain("(edited)"));
            Assert.That(post.QuerySelector(".history"), Is.Null, "the author, not a moderator, sees the edit history");
        });

        using var tina = await _forums.Site.BrowserClientAsync("tina@example.org");
        var moderated = (await ThreadPageAsync(tina)).QuerySelector($"#post-{_postId}")!;
        var history = moderated.QuerySelector(".history") ?? throw new AssertionException("the tutor sees no edit history");
        Assert.Multiple(() =>
        {
            Assert.That(history.QuerySelector("summary")!.TextContent, Is.EqualTo("Edit history: 1 earlier version"));
            Assert.That(history.QuerySelector("pre.revision")!.TextContent, Is.EqualTo("My first draft of the **question**."), "the earlier Markdown, as text");
            Assert.That(history.TextContent, Does.Contain("by Ana"));
            Assert.That(moderated.QuerySelector($"#edit-{_postId}"), Is.Null, "the tutor is offered to edit Ana's post");
        });
    }

    [Test]
    public async Task AnEditAfterTheWindow_IsRefusedOnThePage_KeepingWhatWasTyped()
    {
        using var ana = await _forums.Site.BrowserClientAsync("ana@example.org");
        var page = await ana.GetStringAsync($"/forums/threads/{_threadId}");
        _clock.Advance(TimeSpan.FromMinutes(31));

        // The form was loaded inside the window and sent after it.
        var late = await ana.PostAsync($"/forums/threads/{_threadId}?handler=Edit&postId={_postId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["editBody"] = "Too late now",
            ["__RequestVerificationToken"] = TestSite.AntiforgeryToken(page),
        }));
        var answer = _parser.ParseDocument(await late.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(answer.QuerySelector("[role=alert]")!.TextContent, Does.Contain("can be edited for 30 minutes"));
            Assert.That(answer.QuerySelector($"#post-{_postId} .post-body")!.TextContent, Does.Contain("My first draft"), "the post changed");
        });

        var reloaded = await ThreadPageAsync(ana);
        Assert.That(reloaded.QuerySelector($"#edit-{_postId}"), Is.Null, "the edit form is offered after the window");
    }

    [TestCase("tina")]
    [TestCase("ben")]
    public async Task SomeoneElsesEdit_IsRefused_AndChangesNothing(string who)
    {
        using var browser = await _forums.Site.BrowserClientAsync($"{who}@example.org");
        using var ana = await _forums.Site.BrowserClientAsync("ana@example.org");
        var page = await ana.GetStringAsync($"/forums/threads/{_threadId}");
        var ownPage = who == "tina" ? await browser.GetStringAsync($"/forums/threads/{_threadId}") : await browser.GetStringAsync("/communities");

        var edit = await browser.PostAsync($"/forums/threads/{_threadId}?handler=Edit&postId={_postId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["editBody"] = $"Rewritten by {who}",
            ["__RequestVerificationToken"] = TestSite.AntiforgeryToken(ownPage),
        }));

        Assert.That(edit.StatusCode, Is.EqualTo(who == "tina" ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound));
        Assert.That((await ThreadPageAsync(ana)).QuerySelector($"#post-{_postId} .post-body")!.TextContent, Does.Contain("My first draft"));
        Assert.That(page, Does.Contain($"id=\"edit-{_postId}\""), "the author's own form was there all along");
    }

    [Test]
    public async Task ALockedThread_OffersNoEdit_AndRefusesOne()
    {
        using var ana = await _forums.Site.BrowserClientAsync("ana@example.org");
        var page = await ana.GetStringAsync($"/forums/threads/{_threadId}");
        await _forums["tina"].PostJsonAsync($"/api/v1/threads/{_threadId}/moderation", new { action = "lock" }, HttpStatusCode.NoContent);

        Assert.That((await ThreadPageAsync(ana)).QuerySelector($"#edit-{_postId}"), Is.Null, "a locked thread offers the edit form");
        var edit = await ana.PostAsync($"/forums/threads/{_threadId}?handler=Edit&postId={_postId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["editBody"] = "Sneaking in after the lock",
            ["__RequestVerificationToken"] = TestSite.AntiforgeryToken(page),
        }));
        Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task AnEditIsSanitisedLikeAnyPost_AndItsHistoryIsShownAsText()
    {
        using var ana = await _forums.Site.BrowserClientAsync("ana@example.org");
        var edited = await EditAsync(ana, "<img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(2)</script>");
        Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        await EditAsync(ana, "Calm again");

        using var tina = await _forums.Site.BrowserClientAsync("tina@example.org");
        var post = (await ThreadPageAsync(tina)).QuerySelector($"#post-{_postId}")!;
        Assert.Multiple(() =>
        {
            Assert.That(post.QuerySelectorAll("script, img[onerror], a[href^='javascript']"), Is.Empty, "an edit or its history is live HTML");
            Assert.That(post.QuerySelectorAll("pre.revision").Select(p => p.TextContent), Has.Some.Contains("<script>alert(2)</script>"), "the history shows the text as written");
            Assert.That(post.QuerySelector(".history summary")!.TextContent, Is.EqualTo("Edit history: 2 earlier versions"));
        });
    }
}
