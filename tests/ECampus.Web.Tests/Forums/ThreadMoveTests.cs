using System.Net;
using AngleSharp.Html.Parser;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Forums;

/// <summary>
/// Moving a thread from its page: a tutor chooses among the other forums of the course they moderate (their cohort's,
/// never another cohort's), and the thread moves; learners are offered no move at all.
/// </summary>
public sealed class ThreadMoveTests
{
    private readonly HtmlParser _parser = new();
    private ForumFixture _forums = null!;
    private long _forumId;
    private long _threadId;

    [SetUp]
    public async Task StartSite()
    {
        _forums = await ForumFixture.StartAsync();
        _forumId = await _forums.CourseForumAsync("ana");
        (_threadId, _) = await _forums.StartThreadAsync("ana", _forumId, "Which survey for module one?");
    }

    [TearDown]
    public async Task StopSite() => await _forums.DisposeAsync();

    [Test]
    public async Task ATutorMovesTheThreadToAForumOfTheirCohort_ChosenByName()
    {
        using var tina = await _forums.Site.BrowserClientAsync("tina@example.org");
        var page = _parser.ParseDocument(await tina.GetStringAsync($"/forums/threads/{_threadId}"));
        var options = page.QuerySelectorAll("#to-forum option").Where(o => o.GetAttribute("value") != "").ToList();
        var cohortA = (await _forums["tina"].GetJsonAsync($"/api/v1/courses/{ForumFixture.Course}/forums")).GetProperty("forums").EnumerateArray()
            .Select(f => f.GetProperty("id").GetInt64()).Where(id => id != _forumId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(options.Select(o => long.Parse(o.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)), Is.EquivalentTo(cohortA),
                "the choices are not the other forums of Tina's cohort");
            Assert.That(options, Has.Count.GreaterThan(0), "the course has module discussions to move to");
            Assert.That(options.Select(o => o.TextContent), Has.All.EndsWith("(A)"), "a forum of another cohort is offered");
        });

        var target = long.Parse(options[0].GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
        var moved = await TestSite.PostFormAsync(tina, $"/forums/threads/{_threadId}?handler=ModerateThread",
            new() { ["action"] = "move", ["toForumId"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = "Belongs to the module" },
            formPage: $"/forums/threads/{_threadId}");
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await moved.Content.ReadAsStringAsync());
        Assert.That((await _forums["ana"].GetJsonAsync($"/api/v1/threads/{_threadId}")).GetProperty("forumId").GetInt64(), Is.EqualTo(target));

        using var ana = await _forums.Site.BrowserClientAsync("ana@example.org");
        var learnerPage = _parser.ParseDocument(await ana.GetStringAsync($"/forums/threads/{_threadId}"));
        Assert.That(learnerPage.QuerySelector("#to-forum"), Is.Null, "a learner is offered to move the thread");
    }

    [Test]
    public async Task AnAdministrator_StillReadsAThreadOfACourseNoLongerServed_WithNowhereToMoveIt()
    {
        Directory.Delete(Path.Combine(_forums.Site.Root, "packs", ForumFixture.Course), recursive: true);
        await _forums.Site.RestartAsync();

        using var admin = await _forums.Site.BrowserClientAsync("admin@example.org");
        var response = await admin.GetAsync($"/forums/threads/{_threadId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the administrator lost the thread of a removed course");
        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.That(page.QuerySelector("#to-forum"), Is.Null, "a move is offered with no course to move within");
    }
}
