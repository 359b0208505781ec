using System.Text;

namespace ECampus.Content.Tests.Loading;

/// <summary>
/// Broken packs that cannot live in the repository as files: binary and mis-encoded text, 20 MB files,
/// symbolic links, hidden folders, thousands of files. Each builder writes a pack into a temp folder.
/// </summary>
internal static class GeneratedPacks
{
    public const string Module = "---\ntitle: Introduction\neffort: 30m\n---\n\n# Introduction\n\nSome text.\n";

    public static readonly IReadOnlyDictionary<string, Action<TempFolder>> All = new Dictionary<string, Action<TempFolder>>
    {
        ["binary-markdown"] = pack =>
        {
            WriteManifest(pack);
            File.WriteAllBytes(Path.Combine(pack.PackPath, "01-intro.md"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        },
        ["latin-1-markdown"] = pack =>
        {
            WriteManifest(pack);
            File.WriteAllBytes(Path.Combine(pack.PackPath, "01-intro.md"),
                [.. Encoding.UTF8.GetBytes("---\ntitle: Introduction\neffort: 30m\n---\n\nLa s"), 0xE9, .. "curit\u00e9"u8.ToArray()]);
        },
        ["utf-16-markdown"] = pack =>
        {
            WriteManifest(pack);
            File.WriteAllText(Path.Combine(pack.PackPath, "01-intro.md"), Module, new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        },
        ["empty-module"] = pack =>
        {
            WriteManifest(pack);
            File.WriteAllBytes(Path.Combine(pack.PackPath, "01-intro.md"), []);
        },
        ["20-mb-module"] = pack =>
        {
            WriteManifest(pack);
            using var file = File.Create(Path.Combine(pack.PackPath, "01-intro.md"));
            file.SetLength(20 * 1024 * 1024);
        },
        ["20-mb-asset"] = pack =>
        {
            WriteManifest(pack);
            pack.Write("01-intro.md", Module);
            Directory.CreateDirectory(Path.Combine(pack.PackPath, "assets"));
            using var file = File.Create(Path.Combine(pack.PackPath, "assets", "video.mp4"));
            file.SetLength(20 * 1024 * 1024);
        },
        ["nested-list-10000"] = pack =>
        {
            WriteManifest(pack);
            pack.Write("01-intro.md", Module + "\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "item\n");
        },
        ["quotes-100000"] = pack =>
        {
            WriteManifest(pack);
            pack.Write("01-intro.md", Module + "\n" + new string('>', 100_000) + " deep\n");
        },
        ["symlink-outside"] = pack =>
        {
            WriteManifest(pack);
            pack.Write("01-intro.md", Module + "\n![secret](assets/secret.png)\n");
            File.WriteAllText(Path.Combine(pack.Root, "secret.txt"), "outside the pack");
            Directory.CreateDirectory(Path.Combine(pack.PackPath, "assets"));
            File.CreateSymbolicLink(Path.Combine(pack.PackPath, "assets", "secret.png"), "../../secret.txt");
            Directory.CreateSymbolicLink(Path.Combine(pack.PackPath, "assets", "etc"), "/etc");
        },
        ["symlink-inside"] = pack =>
        {
            WriteManifest(pack);
            pack.Write("01-intro.md", Module);
            File.CreateSymbolicLink(Path.Combine(pack.PackPath, "02-copy.md"), "01-intro.md");
        },
        ["hidden-files"] = pack =>
        {
            WriteManifest(pack);
            pack.Write("01-intro.md", Module + "\n[config](assets/.secrets/config.json)\n");
            pack.Write(".git/HEAD", "ref: refs/heads/main\n");
            pack.Write(".secrets/config.json", "{}");
            pack.Write("assets/.secrets/config.json", "{}");
            pack.Write("assets/a/.hidden/b.txt", "hidden");
        },
        ["too-many-files"] = pack =>
        {
            WriteManifest(pack);
            pack.Write("01-intro.md", Module);
            for (var i = 0; i < 30; i++)
            {
                pack.Write($"assets/file-{i:00}.txt", "x");
            }
        },
        ["folders-too-deep"] = pack =>
        {
            WriteManifest(pack);
            pack.Write("01-intro.md", Module);
            pack.Write("assets/1/2/3/4/5/6/7/8/9/deep.txt", "x");
        },
        ["windows-line-endings"] = pack =>
        {
            WriteManifest(pack);
            pack.Write("01-intro.md", "---\r\ntitle: Introduction\r\neffort: 30m\r\n---\r\n\r\nLine six.\r\n\r\n:::notes\r\nx\r\n:::\r\n");
        },
        ["utf-8-bom"] = pack =>
        {
            WriteManifest(pack);
            File.WriteAllText(Path.Combine(pack.PackPath, "01-intro.md"), Module + "\n:::notes\nx\n:::\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        },
    };

    /// <summary>Limits small enough that the size cases stay fast.</summary>
    public static PackLimits LimitsFor(string name) => name switch
    {
        "too-many-files" => PackLimits.Default with { MaxFiles = 20 },
        _ => PackLimits.Default,
    };

    public static PackLoadResult Load(string name, out TempFolder folder)
    {
        folder = new TempFolder(name);
        All[name](folder);
        return new PackLoader(new PackLoadOptions { Limits = LimitsFor(name) }).Load(folder.PackPath);
    }

    private static void WriteManifest(TempFolder pack) =>
        pack.Write("pack.yml", $"id: {Path.GetFileName(pack.PackPath)}\ntitle: Generated\nversion: 1.0.0\nformat: self-paced\n");
}
