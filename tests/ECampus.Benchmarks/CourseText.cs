using System.Globalization;
using System.Text;

namespace ECampus.Benchmarks;

/// <summary>
/// Deterministic course prose: sentences drawn from a fixed vocabulary by a seeded generator, with emphasis,
/// inline code and links at about the density of the sample packs, so Markdig meets realistic inline work.
/// </summary>
internal sealed class CourseText(int seed)
{
    private static readonly string[] Words =
    [
        "labour", "standards", "workers", "employers", "governments", "convention", "recommendation", "ratified",
        "inspection", "social", "dialogue", "protection", "wages", "minimum", "contract", "informal", "economy",
        "survey", "evidence", "policy", "brief", "indicator", "rate", "employment", "unemployment", "youth",
        "skills", "training", "apprenticeship", "green", "jobs", "transition", "safety", "health", "occupational",
        "risk", "assessment", "committee", "experts", "report", "supervisory", "complaint", "freedom", "association",
        "collective", "bargaining", "discrimination", "equal", "remuneration", "forced", "child", "migrant",
        "domestic", "sector", "enterprise", "cooperative", "ministry", "national", "regional", "local", "data",
        "household", "statistics", "definition", "threshold", "sample", "estimate", "trend", "decade", "reform",
        "benefit", "pension", "insurance", "coverage", "gap", "women", "men", "learners", "course", "module",
        "example", "case", "practice", "question", "answer", "method", "result", "impact", "evaluation", "design",
        "the", "the", "the", "of", "of", "and", "and", "to", "in", "a", "for", "on", "with", "by", "that", "is",
        "are", "can", "should", "may", "often", "usually", "each", "every", "most", "some", "new", "clear",
    ];

    private readonly Random random = new(seed);

    public int Next(int maxValue) => random.Next(maxValue);

    public string Word() => Words[random.Next(Words.Length)];

    public string Phrase(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Word()));

    public string Title(int words)
    {
        var text = Phrase(words);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>One sentence of 8–18 words; about one in three carries emphasis, code or a link.</summary>
    public string Sentence(IReadOnlyList<string> links)
    {
        var words = Enumerable.Range(0, 8 + random.Next(11)).Select(_ => Word()).ToArray();
        var at = random.Next(words.Length - 1);
        switch (random.Next(9))
        {
            case 0:
                words[at] = $"*{words[at]}*";
                break;
            case 1:
                words[at] = $"**{words[at]} {words[at + 1]}**";
                words[at + 1] = "";
                break;
            case 2:
                words[at] = $"`{words[at]}_rate`";
                break;
            case 3 when links.Count > 0:
                words[at] = $"[{words[at]}]({links[random.Next(links.Count)]})";
                break;
        }

        var sentence = string.Join(' ', words.Where(w => w.Length > 0));
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
    }

    /// <summary>A paragraph of 3–5 sentences, wrapped at about 80 columns like hand-written Markdown.</summary>
    public string Paragraph(IReadOnlyList<string> links)
    {
        var text = string.Join(' ', Enumerable.Range(0, 3 + random.Next(3)).Select(_ => Sentence(links)));
        var wrapped = new StringBuilder();
        var column = 0;
        foreach (var word in text.Split(' '))
        {
            if (column > 0 && column + word.Length > 78)
            {
                wrapped.Append('\n');
                column = 0;
            }
            else if (column > 0)
            {
                wrapped.Append(' ');
                column++;
            }

            wrapped.Append(word);
            column += word.Length;
        }

        return wrapped.Append("\n\n").ToString();
    }

    public string BulletList(int items, string marker = "-") =>
        string.Concat(Enumerable.Range(0, items).Select(_ => $"{marker} {Phrase(4 + random.Next(6))};\n")) + "\n";

    public string Table(int rows)
    {
        var table = new StringBuilder("| Country | Indicator | Rate (%) | Year |\n|:--------|:----------|---------:|:----:|\n");
        for (var i = 0; i < rows; i++)
        {
            table.Append(CultureInfo.InvariantCulture, $"| Country {(char)('A' + i)} | {Phrase(2)} | {10 + random.Next(800) / 10.0:0.0} | {2015 + random.Next(10)} |\n");
        }

        return table.Append('\n').ToString();
    }
}
