using ECampus.Content.Loading;

namespace ECampus.Content;

/// <summary>Writes a new pack with one module that validates cleanly (<c>ecampus pack new ID</c>).</summary>
public static class PackScaffolder
{
    /// <summary>
    /// Creates <paramref name="targetDirectory"/> (which must not exist or be empty) holding pack.yml and
    /// 01-welcome.md, and returns the paths written relative to it.
    /// </summary>
    /// <param name="targetDirectory">Folder to create; its name should be the pack id.</param>
    /// <param name="id">Pack id: lower-case letters, digits and dashes.</param>
    /// <param name="title">Course title; derived from the id when null.</param>
    /// <exception cref="ArgumentException">The id is not valid.</exception>
    /// <exception cref="IOException">The folder exists and is not empty.</exception>
    public static IReadOnlyList<string> Create(string targetDirectory, string id, string? title = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetDirectory);
        ArgumentNullException.ThrowIfNull(id);
        if (!PackFiles.IsValidId(id))
        {
            throw new ArgumentException($"'{id}' is not a valid pack id: use lower-case letters, digits and dashes, e.g. 'labour-standards'.", nameof(id));
        }

        if (Directory.Exists(targetDirectory) && Directory.EnumerateFileSystemEntries(targetDirectory).Any())
        {
            throw new IOException($"'{targetDirectory}' already exists and is not empty.");
        }

        title ??= string.Join(' ', id.Split('-').Select((word, i) => i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word));
        Directory.CreateDirectory(targetDirectory);
        var files = new Dictionary<string, string>
        {
            [PackFiles.Manifest] = $"""
                # The course settings; docs/content-packs.md describes every key.
                id: {id}
                title: {Quote(title)}
                version: 0.1.0
                format: self-paced
                language: en
                summary: >
                  One paragraph that tells learners what they will be able to do after this course.
                audience: Who the course is for.
                enrolment:
                  mode: open
                certificate:
                  award: none

                """,
            ["01-welcome.md"] = """
                ---
                title: Welcome
                effort: 15m
                ---

                # Welcome

                :::objectives
                By the end of this module you will be able to:

                - say what the course covers;
                - plan your time for the modules ahead.
                :::

                Write the module here in Markdown. Each module has three parts: an
                introduction (purpose and objectives), the learning itself (content and
                practice) and a short review that checks the objectives were met.

                :::tip
                Keep paragraphs short: many learners read on a phone.
                :::

                ## Review

                - [ ] I know what the course covers.
                - [ ] I have planned time for the next module.

                """,
        };

        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(targetDirectory, name), text.ReplaceLineEndings("\n"));
        }

        return files.Keys.ToArray();
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
