using System.Net;
using AngleSharp.Html.Parser;
using Dapper;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Forums;

/// <summary>
/// Reporting a post from the thread page (a plain form): each post has a Report link, the page holds one report form
/// at a time (that of the post asked for), and a report is stored and thanked, or refused with the reason kept.
/// </summary>
public sealed class ThreadReportTests
{
    private readonly HtmlParser _parser = new();
    private ForumFixture _forums = null!;
    private long _threadId;
    private long _firstPostId;
    private long _replyId;

    [SetUp]
    public async Task StartSite()
    {
        _forums = await ForumFixture.StartAsync();
        (_threadId, _firstPostId) = await _forums.StartThreadAsync("ana", await _forums.CourseForumAsync("ana"));
        _replyId = (await _forums["tina"].PostJsonAsync($"/api/v1/threads/{_threadId}/posts", new { body = "Buy cheap watches" }, HttpStatusCode.Created))
            .GetProperty("postId").GetInt64();
    }

    [TearDown]
    public async Task StopSite() => await _forums.DisposeAsync();

    private string ThreadPath => $"/forums/threads/{_threadId}";

    [Test]
    public async Task EachPostHasAReportLink_AndThePageHoldsOnlyTheReportFormAskedFor()
    {
        using var ana = await _forums.Site.BrowserClientAsync("ana@example.org");
        var page = _parser.ParseDocument(await ana.GetStringAsync(ThreadPath));
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelectorAll("form[action*='handler=Report']"), Is.Empty, "report forms on a page nobody asked to report from");
            Assert.That(page.QuerySelectorAll("article.post a").Where(a => a.TextContent == "Report").Select(a => a.GetAttribute("href")),
                Is.EqualTo(new[] { $"?report={_firstPostId}#report-box-{_firstPostId}", $"?report={_replyId}#report-box-{_replyId}" }));
        });

        var asking = _parser.ParseDocument(await ana.GetStringAsync($"{ThreadPath}?report={_replyId}"));
        var forms = asking.QuerySelectorAll("form[action*='handler=Report']");
        Assert.That(forms, Has.Length.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(forms[0].Id, Is.EqualTo($"report-box-{_replyId}"));
            Assert.That(forms[0].Closest("article")?.Id, Is.EqualTo($"post-{_replyId}"), "the form is not beside the post it reports");
            Assert.That(asking.QuerySelector($"#post-{_replyId} a[href='?report={_replyId}#report-box-{_replyId}']"), Is.Null, "the open form's post still offers the link");
        });
    }

    [Test]
    public async Task AReportFromThePage_IsStoredAndThanked_AndAnOverlongOneIsRefusedKeepingWhatWasTyped()
    {
        using var ana = await _forums.Site.BrowserClientAsync("ana@example.org");
        var reportPath = $"{ThreadPath}?handler=Report&postId={_replyId}";

        var overlong = new string('x', 1001);
        var tooLong = await TestSite.PostFormAsync(ana, reportPath, new() { ["reason"] = overlong }, formPage: $"{ThreadPath}?report={_replyId}");
        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var refused = _parser.ParseDocument(await tooLong.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(refused.QuerySelector("[role=alert]")?.TextContent, Does.Contain("at most 1,000 characters"), "the refusal does not say why");
            Assert.That(refused.QuerySelector($"#report-{_replyId}")?.GetAttribute("value"), Is.EqualTo(overlong), "the refused report's text is gone");
        });

        var sent = await TestSite.PostFormAsync(ana, reportPath, new() { ["reason"] = "An advert" }, formPage: $"{ThreadPath}?report={_replyId}");
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await sent.Content.ReadAsStringAsync());
        Assert.That(sent.Headers.Location?.OriginalString, Is.EqualTo($"{ThreadPath}?reported=true#post-{_replyId}"));
        var thanked = _parser.ParseDocument(await ana.GetStringAsync($"{ThreadPath}?reported=true"));
        Assert.That(thanked.QuerySelector("[role=status]")?.TextContent, Does.Contain("your report went to the moderators"));

        await using var db = _forums.Site.Open();
        Assert.That(await db.QueryAsync<(long, string)>("SELECT post_id, reason FROM forum_report"), Is.EqualTo(new[] { (_replyId, "An advert") }),
            "the refused report was stored, or the accepted one was not");
    }
}
