using System.Globalization;
using System.Text;

namespace ECampus.Benchmarks;

/// <summary>
/// A set of valid packs written to a temp folder: each module about 5 KB (objectives, sections, a list, a table,
/// a callout, a figure, links to the neighbouring modules, a task list) and a quiz every tenth module. Every
/// pack must load without a single diagnostic, so the benchmarks measure the path a good pack takes.
/// </summary>
internal sealed class GeneratedPackSet : IDisposable
{
    public const int ModuleBytes = 5 * 1024;

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

    private GeneratedPackSet(string root, IReadOnlyList<string> packs)
    {
        Root = root;
        Packs = packs;
    }

    public string Root { get; }

    /// <summary>The pack folders, one per pack, named after the pack id.</summary>
    public IReadOnlyList<string> Packs { get; }

    public static GeneratedPackSet Write(int packs, int modulesPerPack)
    {
        var root = Path.Combine(Path.GetTempPath(), "ecampus-benchmarks", Guid.NewGuid().ToString("N"));
        var folders = new List<string>();
        for (var p = 0; p < packs; p++)
        {
            var id = PackId(p);
            var folder = Path.Combine(root, id);
            foreach (var (path, text) in Files(p, modulesPerPack))
            {
                var full = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }

            Directory.CreateDirectory(Path.Combine(folder, "assets"));
            File.WriteAllBytes(Path.Combine(folder, "assets", "diagram.png"), Png);
            folders.Add(folder);
        }

        return new GeneratedPackSet(root, folders);
    }

    /// <summary>UTF-8 bytes of every text file of the set, computed without writing it.</summary>
    public static long TotalBytes(int packs, int modulesPerPack) =>
        Enumerable.Range(0, packs).SelectMany(p => Files(p, modulesPerPack)).Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text)) + packs * Png.Length;

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static string PackId(int pack) => string.Create(CultureInfo.InvariantCulture, $"generated-{pack:00}");

    private static string ModuleFile(int module) => string.Create(CultureInfo.InvariantCulture, $"{module:0000}-topic-{module}.md");

    private static IEnumerable<(string Path, string Text)> Files(int pack, int modules)
    {
        yield return ("pack.yml", string.Create(CultureInfo.InvariantCulture, $"""
            id: {PackId(pack)}
            title: Generated course {pack}
            version: 1.0.0
            format: self-paced
            language: en
            summary: >
              A generated course of {modules} modules for the content-pack benchmarks.
            enrolment:
              mode: open

            """).ReplaceLineEndings("\n"));

        for (var module = 1; module <= modules; module++)
        {
            yield return (ModuleFile(module), Module(pack, module, modules));
            if (module % 10 == 0)
            {
                yield return (string.Create(CultureInfo.InvariantCulture, $"assessments/check-{module / 10}.md"), Quiz(module / 10));
            }
        }
    }

    private static string Module(int pack, int module, int modules)
    {
        var text = new CourseText((pack * 100_003) + module);
        var links = new List<string> { "https://www.ilo.org/", "#review" };
        if (module > 1)
        {
            links.Add(ModuleFile(module - 1));
        }

        if (module < modules)
        {
            links.Add(ModuleFile(module + 1) + "#introduction");
        }

        var title = text.Title(4);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"---\ntitle: \"{module}. {title}\"\neffort: 30m\n");
        if (module > 1)
        {
            body.Append("unlock: after-previous\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"---\n\n# {title}\n\n## Introduction\n\n");
        body.Append(text.Paragraph(links));
        body.Append(":::objectives By the end of this module you will be able to\n").Append(text.BulletList(3)).Append(":::\n\n");
        body.Append("## Learning\n\n").Append(text.Paragraph(links)).Append(text.BulletList(4));
        body.Append(text.Table(4));
        body.Append(":::note\n").Append(text.Paragraph(links)).Append(":::\n\n");
        body.Append("![A diagram of the main ideas](assets/diagram.png \"Diagram\")\n\n");

        // Sized by padding the learning section, so every module lands a little over 5 KB whatever the random words.
        const string Review = "## Review\n\n- [ ] I can explain the main idea.\n- [ ] I have noted one question.\n\n";
        var quiz = module % 10 == 0 ? string.Create(CultureInfo.InvariantCulture, $":::activity quiz check-{module / 10}\nFive questions on the last ten modules.\n:::\n") : "";
        while (Encoding.UTF8.GetByteCount(body.ToString()) + Review.Length + quiz.Length < ModuleBytes - 200)
        {
            body.Append(text.Paragraph(links));
        }

        return body.Append(Review).Append(quiz).ToString();
    }

    private static string Quiz(int number) => string.Create(CultureInfo.InvariantCulture, $"""
        ---
        title: "Check {number}"
        pass-mark: 60
        ---

        ## Which of these is binding once ratified?

        - [x] A Convention
        - [ ] A Recommendation

        ## What majority does adopting a standard need?

        - [ ] A simple majority
        - [x] Two thirds of the votes cast

        """).ReplaceLineEndings("\n");
}
