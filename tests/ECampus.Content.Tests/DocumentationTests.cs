using System.Text.RegularExpressions;
using ECampus.Content.Tests.Loading;

namespace ECampus.Content.Tests;

/// <summary>The contract in docs/content-packs.md and the corpus must keep up with the code.</summary>
public partial class DocumentationTests
{
    [Test]
    public void EveryDiagnosticCode_IsDocumented()
    {
        var docs = File.ReadAllText(TestPaths.Docs);

        var missing = DiagnosticCodes.All.Select(c => c.Key).Where(code => !docs.Contains($"| {code} |", StringComparison.Ordinal));

        Assert.That(missing, Is.Empty, "codes missing from the table in docs/content-packs.md");
    }

    [Test]
    public void DocumentedCodes_AllExist()
    {
        var docs = File.ReadAllText(TestPaths.Docs);
        var known = DiagnosticCodes.All.Select(c => c.Key).ToHashSet();

        var unknown = CodePattern().Matches(docs).Select(m => m.Value).Distinct().Where(code => !known.Contains(code));

        Assert.That(unknown, Is.Empty, "docs/content-packs.md mentions codes that do not exist");
    }

    [Test]
    public void EveryDiagnosticCode_IsProducedByTheCorpus()
    {
        var produced = new HashSet<string>();
        foreach (var directory in Directory.GetDirectories(TestPaths.Corpus))
        {
            produced.UnionWith(new PackLoader().Load(directory).Diagnostics.Select(d => d.Code));
        }

        foreach (var name in GeneratedPacks.All.Keys)
        {
            var result = GeneratedPacks.Load(name, out var folder);
            using (folder)
            {
                produced.UnionWith(result.Diagnostics.Select(d => d.Code));
            }
        }

        var missing = DiagnosticCodes.All.Select(c => c.Key).Where(code => !produced.Contains(code));
        Assert.That(missing, Is.Empty, "codes with no example pack under tests/ECampus.Content.Tests/Packs or in GeneratedPacks");
    }

    [Test]
    public void DocumentedExamplePack_LoadsCleanly()
    {
        var docs = File.ReadAllText(TestPaths.Docs);
        using var temp = new TempFolder("example-course");
        foreach (Match file in ExampleFile().Matches(docs))
        {
            temp.Write(file.Groups["path"].Value, file.Groups["body"].Value);
        }

        var result = new PackLoader().Load(temp.PackPath);

        Assert.That(Directory.GetFiles(temp.PackPath, "*", SearchOption.AllDirectories), Has.Length.GreaterThanOrEqualTo(5));
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
    }

    [GeneratedRegex(@"PACK\d{3}")]
    private static partial Regex CodePattern();

    /// <summary>Example files in the docs are fenced blocks preceded by a line "File: `path`".</summary>
    [GeneratedRegex(@"File: `(?<path>[^`]+)`\n\n```[a-z]*\n(?<body>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ExampleFile();
}
