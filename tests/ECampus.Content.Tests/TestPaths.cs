namespace ECampus.Content.Tests;

/// <summary>Where the repository, the sample packs and the test corpus are.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SamplePacks => Path.Combine(RepositoryRoot, "Content", "packs");

    public static string Corpus => Path.Combine(TestContext.CurrentContext.TestDirectory, "Packs");

    public static string Docs => Path.Combine(RepositoryRoot, "docs", "content-packs.md");

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

/// <summary>A scratch folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string name)
    {
        Root = Path.Combine(Path.GetTempPath(), "ecampus-content-tests", Guid.NewGuid().ToString("N"));
        PackPath = System.IO.Path.Combine(Root, name);
        Directory.CreateDirectory(PackPath);
    }

    /// <summary>The pack folder (named as asked, inside a unique parent).</summary>
    public string PackPath { get; }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(PackPath, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
