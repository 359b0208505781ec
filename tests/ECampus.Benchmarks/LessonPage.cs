using System.Globalization;
using System.Text;

namespace ECampus.Benchmarks;

/// <summary>
/// A realistic lesson page of about 20 KB: headings, paragraphs with emphasis, code and links (external, to
/// another module, to an asset, in-page), nested and task lists, aligned tables, a figure, footnotes, a code block,
/// a definition list and the pack blocks <c>:::objectives</c>, <c>:::note</c>, <c>:::tip</c>, <c>:::warning</c>,
/// <c>:::activity quiz ID</c> and <c>:::activity discussion ID</c>. Written as a pack so it renders as a module.
/// </summary>
internal static class LessonPage
{
    public const int TargetBytes = 20 * 1024;

    public const string ModuleFile = "01-measuring-decent-work.md";

    /// <summary>The module body (what <c>PackRenderer</c> renders), built the same way in every process.</summary>
    public static string Body { get; } = BuildBody();

    public static int BodyBytes { get; } = Encoding.UTF8.GetByteCount(Body);

    /// <summary>Writes the lesson's pack (the lesson, a second module, the quiz and the figure) under <paramref name="root"/>.</summary>
    public static string WritePack(string root)
    {
        var folder = Path.Combine(root, "lesson");
        Directory.CreateDirectory(Path.Combine(folder, "assessments"));
        Directory.CreateDirectory(Path.Combine(folder, "assets"));
        File.WriteAllText(Path.Combine(folder, "pack.yml"), "id: lesson\ntitle: Measuring decent work\nversion: 1.0.0\nformat: self-paced\nlanguage: en\n");
        File.WriteAllText(Path.Combine(folder, ModuleFile), "---\ntitle: Measuring decent work\neffort: 1h\n---\n\n" + Body);
        File.WriteAllText(Path.Combine(folder, "02-next-steps.md"), "---\ntitle: Next steps\neffort: 10m\n---\n\n# Next steps\n\n## Key terms\n\nSee you there.\n");
        File.WriteAllText(Path.Combine(folder, "assessments", "final-check.md"),
            "---\ntitle: Final check\npass-mark: 60\n---\n\n## Which source is the main one?\n\n- [x] Labour force surveys\n- [ ] Press releases\n");
        File.WriteAllBytes(Path.Combine(folder, "assets", "informality.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        File.WriteAllText(Path.Combine(folder, "assets", "survey-guide.pdf"), "%PDF-1.4\n");
        return folder;
    }

    private static string BuildBody()
    {
        var text = new CourseText(20_261_123);
        string[] links = ["https://ilostat.ilo.org/resources/concepts-and-definitions/", "02-next-steps.md#key-terms",
            "assets/survey-guide.pdf#page=2", "#review", "mailto:statistics@example.org"];
        var page = new StringBuilder("# Measuring decent work\n\n");
        page.Append(":::objectives Learning objectives\n").Append(text.BulletList(4)).Append(":::\n\n");
        page.Append("Labour force surveys[^1] are the main source of labour statistics. ").Append(text.Paragraph(links));

        var section = 0;
        var footnotes = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(page.ToString()) < TargetBytes - 4_000)
        {
            section++;
            page.Append(CultureInfo.InvariantCulture, $"## {section}. {text.Title(3)}\n\n");
            page.Append(text.Paragraph(links));
            page.Append(CultureInfo.InvariantCulture, $"### {text.Title(2)}\n\n");
            var footnote = section + 1;
            page.Append(text.Paragraph(links).TrimEnd()).Append(CultureInfo.InvariantCulture, $"[^{footnote}]\n\n");
            footnotes.Append(CultureInfo.InvariantCulture, $"[^{footnote}]: {text.Sentence([])}\n");
            switch (section % 4)
            {
                case 1:
                    page.Append(text.Table(6));
                    page.Append(":::note\n").Append(text.Paragraph(links)).Append(":::\n\n");
                    break;
                case 2:
                    page.Append("1. ").Append(text.Phrase(6)).Append('\n')
                        .Append("   - ").Append(text.Phrase(5)).Append("\n   - ").Append(text.Phrase(7)).Append('\n')
                        .Append("2. ").Append(text.Phrase(6)).Append("\n3. ").Append(text.Phrase(5)).Append("\n\n");
                    page.Append(":::tip Before you go on\n").Append(text.Paragraph(links)).Append(":::\n\n");
                    break;
                case 3:
                    page.Append("```python\nrate = informal / employed\nshare = round(100 * rate, 1)\n```\n\n");
                    page.Append(text.Phrase(1)).Append("\n: ").Append(text.Sentence([])).Append("\n\n");
                    page.Append(":::warning\n").Append(text.Paragraph(links)).Append(":::\n\n");
                    break;
                default:
                    page.Append(text.BulletList(5, "*"));
                    break;
            }

            page.Append(text.Paragraph(links));
        }

        var end = new StringBuilder()
            .Append("^^^\n![A bar chart of informality rates](assets/informality.png \"Informality\")\n^^^ Informality rates, selected countries\n\n")
            .Append("## Review\n\n- [x] I read the tables\n- [ ] I noted one question\n- [ ] I can name three sources\n\n")
            .Append(":::activity quiz final-check\nAnswer two questions before moving on.\n:::\n\n")
            .Append(":::activity discussion measuring-forum\nWhat surprised you in the figures?\n:::\n\n")
            .Append("[^1]: Household surveys run by national statistical offices.\n").Append(footnotes)
            .ToString();
        while (Encoding.UTF8.GetByteCount(page.ToString()) + Encoding.UTF8.GetByteCount(end) < TargetBytes)
        {
            page.Append(text.Paragraph(links));
        }

        return page.Append(end).ToString();
    }
}
