using System.Net;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Quizzes;

/// <summary>
/// Question text, options and feedback are Markdown, shown rendered (and sanitised by the pack's rules) on the attempt,
/// review and survey pages and beside the Markdown in the API; rendering reveals no more of the key than before.
/// </summary>
public sealed partial class QuizMarkdownTests
{
    private const string Course = QuizApi.SelfPaced;
    /// <summary>What a pack that allows raw HTML might hold; links with a javascript: scheme are refused by pack validation, except in GIFT's HTML.</summary>
    private const string Hostile = """
        Read **carefully**, see [the standards](https://www.ilo.org/global/standards) and `C029`.

        <script>document.title = 'pwned'</script>
        <p onclick="alert('pwned')">Think twice.</p>
        """;

    private const string HostileGift = """

        ```gift
        ::html-trap:: [html]<p>Pick <b>one</b> <a href="javascript:alert('pwned')">trap</a> <img src="x" onerror="alert('pwned')"></p>{=<i>safe</i> ~<span onmouseover\="alert('pwned')">unsafe</span>}
        ```
        """;

    private TestSite _site = null!;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _site = await QuizApi.StartSiteAsync(null, null, Course,
            ("pack.yml", "language: en\n", "language: en\nraw-html: true\n"),
            ("assessments/baseline.md", "## Who adopts international labour standards?\n", $"## Who adopts international labour standards? {{#adopts}}\n\n{Hostile}\n"),
            ("assessments/baseline.md", "- [ ] The International Court of Justice\n", "- [ ] The International Court of Justice\n" + HostileGift),
            ("assessments/baseline.md", "- [x] The International Labour Conference", "- [x] The *International* Labour Conference\n  > secret-feedback-marker: the Conference adopts them."),
            ("assessments/check-1.md", "- [x] A Convention", "- [x] A **Convention**\n  > Yes: see _Article 19_ of the Constitution."));
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
    }

    [OneTimeTearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task QuestionsAndOptions_AreRenderedInThePageAndTheApi_AndHostileMarkdownIsInert()
    {
        using var ana = await QuizApi.LearnerAsync(_site, "ana@example.org");
        using var browser = await _site.BrowserClientAsync("ana@example.org");
        var attempt = await ana.StartAsync(Course, "baseline");
        var question = attempt.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "adopts");
        var option = question.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("text").GetString()!.Contains("Conference", StringComparison.Ordinal));
        var page = await browser.GetStringAsync($"/courses/{Course}/quizzes/baseline/attempts/{attempt.GetProperty("id").GetString()}");
        var html = question.GetProperty("html").GetString()!;
        var trap = attempt.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "html-trap");
        var trapHtml = trap.GetProperty("html").GetString() + string.Concat(trap.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("html").GetString()));

        Assert.Multiple(() =>
        {
            Assert.That(question.GetProperty("text").GetString(), Does.Contain("Read **carefully**"), "the API lost the Markdown text");
            Assert.That(html, Does.Contain("<strong>carefully</strong>").And.Contain("<code>C029</code>").And.Contain("href=\"https://www.ilo.org/global/standards\""));
            Assert.That(option.GetProperty("html").GetString(), Is.EqualTo("The <em>International</em> Labour Conference"), "an option is not rendered inline");
            Assert.That(page, Does.Contain("<strong>carefully</strong>").And.Contain("The <em>International</em> Labour Conference</label>"));
            Assert.That(html, Does.Contain("Think twice."), "the pack's raw HTML was dropped rather than sanitised");
            Assert.That(trapHtml, Does.Contain("<b>one</b>").And.Contain("<i>safe</i>").And.Contain("unsafe"), "GIFT HTML was not rendered");
        });
        var form = System.Text.RegularExpressions.Regex.Match(page, "<form[^>]*class=\"quiz\">.*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.That(form, Does.Contain("Pick <b>one</b>"), "the attempt form is not on the page");
        foreach (var (where, text) in new[] { ("API", html + trapHtml), ("attempt form", form) })
        {
            var live = LiveScript().Matches(text).Select(m => m.Value).ToList();
            Assert.That(live, Is.Empty, $"hostile HTML in a question stayed live in the {where}");
        }
    }

    [Test]
    public async Task RenderedText_CarriesNoKey_BeforeTheReviewPolicyAllows()
    {
        using var ben = await QuizApi.LearnerAsync(_site, "ben@example.org");
        using var browser = await _site.BrowserClientAsync("ben@example.org");
        var started = await ben.PostAsync(QuizApi.Attempts(Course, "baseline"), null);
        var startedBody = await started.Content.ReadAsStringAsync();
        var attempt = await started.JsonAsync(HttpStatusCode.Created);
        var path = $"/courses/{Course}/quizzes/baseline/attempts/{attempt.GetProperty("id").GetString()}";
        var openPage = await browser.GetStringAsync(path);
        var submitted = await ben.PostAsync($"{QuizApi.AttemptPath(attempt)}/submit", null);
        var review = await ben.GetStringAsync(QuizApi.AttemptPath(attempt));
        var reviewPage = await browser.GetStringAsync(path);

        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var (where, text) in new[] { ("start", startedBody), ("open page", openPage), ("submit", await submitted.Content.ReadAsStringAsync()), ("review", review), ("review page", reviewPage) })
        {
            Assert.That(text, Does.Not.Contain("secret-feedback-marker").And.Not.Contain("\"weight\"").And.Not.Contain("Right answer"),
                $"the pre-course key or feedback reached the {where}");
        }
    }

    [Test]
    public async Task FeedbackInTheReview_IsRendered_OnceThePolicyShowsIt()
    {
        using var cleo = await QuizApi.LearnerAsync(_site, "cleo@example.org");
        using var browser = await _site.BrowserClientAsync("cleo@example.org");

        var submitted = await cleo.TakeAsync(_site, Course, "check-1");
        var page = await browser.GetStringAsync($"/courses/{Course}/quizzes/check-1/attempts/{submitted.GetProperty("id").GetString()}");
        var reviewed = submitted.GetProperty("review").GetProperty("questions")[0];

        Assert.That(reviewed.GetProperty("feedback")[0].GetString(), Is.EqualTo("Yes: see _Article 19_ of the Constitution."));
        Assert.That(reviewed.GetProperty("feedbackHtml")[0].GetString(), Does.Contain("<em>Article 19</em>"));
        Assert.That(page, Does.Contain("<em>Article 19</em>").And.Contain("Right answer: A <strong>Convention</strong>"));
    }

    /// <summary>A script element, an event-handler attribute or a javascript: URL inside a tag.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"<script|<[^>]*\son\w+\s*=|<[^>]*(?:href|src)\s*=\s*[""']?\s*javascript:", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex LiveScript();
}
