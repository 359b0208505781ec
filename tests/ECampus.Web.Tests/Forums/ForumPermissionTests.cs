using System.Net.Http.Json;
using System.Net;
using AngleSharp.Html.Parser;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Forums;

/// <summary>
/// Every forum action through the API, for a learner and tutor of the cohort, the other cohort's learner and tutor,
/// another course's tutor, a signed-in stranger and an anonymous visitor. Refusals inside a course are 404s, so a
/// guessed id tells nothing, and a refused write leaves nothing behind.
/// </summary>
public sealed class ForumPermissionTests
{
    private ForumFixture _forums = null!;
    private long _forumId;
    private long _threadId;
    private long _postId;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _forums = await ForumFixture.StartAsync(settings => settings["ECampus:Forums:MaxPostsPerWindow"] = "1000");
        _forumId = await _forums.CourseForumAsync("ana");
        (_threadId, _postId) = await _forums.StartThreadAsync("ana", _forumId);
    }

    [OneTimeTearDown]
    public async Task StopSite() => await _forums.DisposeAsync();

    private static readonly string[] Everyone = ["ana", "tina", "ben", "theo", "olga", "nora", "anonymous"];

    private HttpClient Client(string who) => who == "anonymous" ? _forums.Site.Client() : _forums[who];

    private static HttpStatusCode Expected(string who, HttpStatusCode member, HttpStatusCode? tutor = null) => who switch
    {
        "ana" => member,
        "tina" => tutor ?? member,
        "anonymous" => HttpStatusCode.Unauthorized,
        _ => HttpStatusCode.NotFound,
    };

    [TestCaseSource(nameof(Everyone))]
    public async Task ReadingTheCohortsForum_IsForItsLearnerAndTutorOnly(string who)
    {
        var client = Client(who);
        Assert.Multiple(async () =>
        {
            Assert.That((await client.GetAsync($"/api/v1/forums/{_forumId}/threads")).StatusCode, Is.EqualTo(Expected(who, HttpStatusCode.OK)), "list threads");
            Assert.That((await client.GetAsync($"/api/v1/threads/{_threadId}")).StatusCode, Is.EqualTo(Expected(who, HttpStatusCode.OK)), "read thread");
            Assert.That((await client.GetAsync($"/api/v1/forums/{_forumId}/threads")).StatusCode, Is.EqualTo(Expected(who, HttpStatusCode.OK)), "list threads again");
        });
    }

    [TestCaseSource(nameof(Everyone))]
    public async Task WritingInTheCohortsForum_IsForItsLearnerAndTutorOnly_AndARefusalStoresNothing(string who)
    {
        var client = Client(who);
        await using var db = _forums.Site.Open();
        long Count(string table) => Dapper.SqlMapper.ExecuteScalar<long>(db, $"SELECT count(*) FROM {table}");
        var postsBefore = Count("forum_post");
        var reportsBefore = Count("forum_report");

        var reply = await client.PostAsJsonAsync($"/api/v1/threads/{_threadId}/posts", new { body = $"A reply from {who}" });
        var start = await client.PostAsJsonAsync($"/api/v1/forums/{_forumId}/threads", new { title = "New", body = $"A thread from {who}" });
        var report = await client.PostAsJsonAsync($"/api/v1/posts/{_postId}/reports", new { reason = "Off topic" });
        var subscribe = await client.PutAsync($"/api/v1/threads/{_threadId}/subscription", null);

        Assert.Multiple(() =>
        {
            Assert.That(reply.StatusCode, Is.EqualTo(Expected(who, HttpStatusCode.Created)), "reply");
            Assert.That(start.StatusCode, Is.EqualTo(Expected(who, HttpStatusCode.Created)), "start thread");
            Assert.That(report.StatusCode, Is.EqualTo(Expected(who, HttpStatusCode.NoContent)), "report");
            Assert.That(subscribe.StatusCode, Is.EqualTo(Expected(who, HttpStatusCode.NoContent)), "subscribe");
        });
        if (Expected(who, HttpStatusCode.OK) != HttpStatusCode.OK)
        {
            Assert.That((Count("forum_post"), Count("forum_report")), Is.EqualTo((postsBefore, reportsBefore)), $"a refused {who} left a post or report behind");
        }
    }

    [TestCaseSource(nameof(Everyone))]
    public async Task Moderating_IsForTheCohortsTutorOnly(string who)
    {
        var client = Client(who);
        var (threadId, postId) = await _forums.StartThreadAsync("ana", _forumId, "To moderate", "Moderate me");
        var pin = await client.PostAsJsonAsync($"/api/v1/threads/{threadId}/moderation", new { action = "pin" });
        var hide = await client.PostAsJsonAsync($"/api/v1/posts/{postId}/moderation", new { action = "hide", reason = "test" });
        var history = await client.GetAsync($"/api/v1/posts/{postId}/history");

        var thread = await _forums["tina"].GetJsonAsync($"/api/v1/threads/{threadId}");
        Assert.Multiple(() =>
        {
            Assert.That(pin.StatusCode, Is.EqualTo(Expected(who, HttpStatusCode.Forbidden, HttpStatusCode.NoContent)), "pin");
            Assert.That(hide.StatusCode, Is.EqualTo(Expected(who, HttpStatusCode.Forbidden, HttpStatusCode.NoContent)), "hide post");
            Assert.That(history.StatusCode, Is.EqualTo(Expected(who, HttpStatusCode.Forbidden, HttpStatusCode.OK)), "edit history");
            Assert.That(thread.GetProperty("isPinned").GetBoolean(), Is.EqualTo(who == "tina"), "pinned by someone who may not moderate");
        });
    }

    [TestCaseSource(nameof(Everyone))]
    public async Task ListingAndSearchingTheCourseForums_ShowsOnlyTheCallersOwnCohort(string who)
    {
        var client = Client(who);
        var list = await client.GetAsync($"/api/v1/courses/{ForumFixture.Course}/forums");
        var search = await client.GetAsync($"/api/v1/courses/{ForumFixture.Course}/forums/search?q=ministry");
        var inCourse = who is "ana" or "tina" or "ben" or "theo";
        var expected = who == "anonymous" ? HttpStatusCode.Unauthorized : inCourse ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        Assert.Multiple(() =>
        {
            Assert.That(list.StatusCode, Is.EqualTo(expected), "list forums");
            Assert.That(search.StatusCode, Is.EqualTo(expected), "search");
        });
        if (inCourse)
        {
            var forums = await list.JsonAsync(HttpStatusCode.OK);
            var ids = forums.GetProperty("forums").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()).ToList();
            var hits = (await search.JsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(h => h.GetProperty("threadId").GetInt64()).ToList();
            var ownCohort = who is "ana" or "tina";
            Assert.Multiple(() =>
            {
                Assert.That(ids, ownCohort ? Does.Contain(_forumId) : Does.Not.Contain(_forumId), "cohort A's forum listed wrongly");
                Assert.That(hits, ownCohort ? Does.Contain(_threadId) : Is.Empty, "search crossed cohorts");
            });
        }
    }

    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](javascript&#58;alert(1))",
        "[x](java%0ascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](vbscript:msgbox(1))",
        "![i](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[x][1]\n\n[1]: javascript:alert(1)",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<form action=https://evil.example><input name=password><button>go</button></form>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=x></object><embed src=x>",
        "<style>body{display:none}</style>",
        "<a id=content name=forms href=#>clobber</a>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<scr<script>ipt>alert(1)</script>",
        "\"><svg onload=alert(1)>",
    ];

    [Test]
    public async Task XssInPostsAndTitles_IsInertOnTheThreadPage()
    {
        var forumId = await _forums.CourseForumAsync("tina");
        using var browser = await _forums.Site.BrowserClientAsync("tina@example.org");
        var parser = new HtmlParser();
        var problems = new List<string>();
        foreach (var chunk in Payloads.Chunk(3))
        {
            var (threadId, _) = await _forums.StartThreadAsync("tina", forumId, "Title " + chunk[0], string.Join("\n\n", chunk));
            var page = parser.ParseDocument(await browser.GetStringAsync($"/forums/threads/{threadId}"));
            Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("Title " + chunk[0]), "the title was not shown as the text it is");
            foreach (var body in page.QuerySelectorAll(".post-body, h1"))
            {
                foreach (var element in body.QuerySelectorAll("*"))
                {
                    if (element.LocalName is "script" or "iframe" or "object" or "embed" or "form" or "input" or "button" or "style" or "svg" or "math")
                    {
                        problems.Add($"<{element.LocalName}> from {chunk[0]}");
                    }

                    foreach (var attribute in element.Attributes)
                    {
                        var name = attribute.Name.ToLowerInvariant();
                        var value = attribute.Value.Trim().ToLowerInvariant();
                        if (name.StartsWith("on", StringComparison.Ordinal) || name is "style" or "name" or "srcdoc" or "action")
                        {
                            problems.Add($"{name} on <{element.LocalName}> from {string.Join(" | ", chunk)}");
                        }
                        else if (name is "href" or "src" && value.Contains(':', StringComparison.Ordinal)
                                 && !(value.StartsWith("http:", StringComparison.Ordinal) || value.StartsWith("https:", StringComparison.Ordinal) || value.StartsWith("mailto:", StringComparison.Ordinal)))
                        {
                            problems.Add($"{name}=\"{attribute.Value}\" from {string.Join(" | ", chunk)}");
                        }
                        else if (name == "id" && !attribute.Value.StartsWith("post-content-", StringComparison.Ordinal))
                        {
                            problems.Add($"id=\"{attribute.Value}\" from {string.Join(" | ", chunk)}");
                        }
                    }
                }
            }
        }

        Assert.That(problems, Is.Empty);
    }
}
