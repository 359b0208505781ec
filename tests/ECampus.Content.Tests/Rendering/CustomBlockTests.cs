using ECampus.Content.Rendering;
using Snapshooter.NUnit;

namespace ECampus.Content.Tests.Rendering;

/// <summary>The documented ::: blocks, each rendered to the HTML the engine and its stylesheet rely on.</summary>
public class CustomBlockTests
{
    private static readonly SafeMarkdownOptions PackOptions = new()
    {
        ActivityTypes = new HashSet<string> { "quiz", "assignment", "webinar", "discussion" },
    };

    private static readonly Dictionary<string, string> Blocks = new()
    {
        ["note"] = ":::note\nA note.\n:::",
        ["tip-with-title"] = ":::tip Before you start\nA tip.\n:::",
        ["warning"] = ":::warning\nA **warning**.\n:::",
        ["objectives"] = ":::objectives By the end you will\n- know one thing;\n- do another.\n:::",
        ["activity-empty"] = ":::activity quiz final\n:::",
        ["activity-with-text"] = ":::activity webinar week-1\nJoin the *live* session.\n:::",
        ["activity-unknown-type"] = ":::activity poll p1\nShown as text.\n:::",
        ["unknown-block"] = ":::sidebar\nShown as text.\n:::",
        ["nested"] = "::::note\n:::activity discussion d1\nPrompt.\n:::\n::::",
        ["title-is-escaped"] = ":::tip <script>alert(1)</script>\nx\n:::",
    };

    public static IEnumerable<TestCaseData> Names() => Blocks.Keys.Select(name => new TestCaseData(name).SetName($"Block_{name}"));

    [TestCaseSource(nameof(Names))]
    public void Block_RendersDocumentedHtml(string name)
    {
        var html = SafeMarkdown.Shared.Render(Blocks[name], PackOptions).Html;

        Assert.That(InertHtml.Problems(html), Is.Empty);
        Snapshot.Match(html);
    }
}
