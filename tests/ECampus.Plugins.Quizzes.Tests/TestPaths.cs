namespace ECampus.Plugins.Quizzes.Tests;

/// <summary>Where the repository, its sample packs and the quiz documentation are.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SamplePacks => Path.Combine(RepositoryRoot, "Content", "packs");

    public static string Docs => Path.Combine(RepositoryRoot, "docs", "quizzes.md");

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
