namespace ECampus.Testing;

/// <summary>The sample courses shipped in <c>Content/packs</c>, copied into a test site's own pack folder.</summary>
public static class SamplePacks
{
    public const string SelfPaced = "intro-labour-standards";
    public const string TutorSupported = "evidence-based-policy";
    public const string Webinar = "webinar-skills-green-jobs";

    public static string Folder { get; } = Path.Combine(FindRepositoryRoot(), "Content", "packs");

    /// <summary>Starts a site serving copies of the named sample packs (edits to them stay in the test's folder).</summary>
    public static Task<TestSite> StartSiteAsync(Action<Dictionary<string, string?>>? configure = null, params string[] packs) =>
        StartSiteAsync(null, configure, packs);

    /// <summary>Starts a site serving copies of the named sample packs, on <paramref name="time"/> when given.</summary>
    public static async Task<TestSite> StartSiteAsync(TimeProvider? time, Action<Dictionary<string, string?>>? configure, params string[] packs)
    {
        var root = Directory.CreateTempSubdirectory("ecampus-test-").FullName;
        foreach (var pack in packs)
        {
            CopyInto(Path.Combine(root, "packs"), pack);
        }

        return await TestSite.StartAsync(configure, root, time);
    }

    /// <summary>Copies a sample pack into <paramref name="packFolder"/>; returns the copy's path.</summary>
    public static string CopyInto(string packFolder, string pack)
    {
        var source = new DirectoryInfo(Path.Combine(Folder, pack));
        var target = Path.Combine(packFolder, pack);
        foreach (var file in source.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source.FullName, file.FullName));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            file.CopyTo(copy, overwrite: true);
        }

        return target;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ECampus.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ECampus.sln not found above " + AppContext.BaseDirectory);
    }
}
