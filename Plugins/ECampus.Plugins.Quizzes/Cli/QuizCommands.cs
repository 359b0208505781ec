using System.CommandLine;
using System.Globalization;
using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Cli;

/// <summary><c>ecampus quiz export-gift</c>: a quiz written for ECampus, handed to Moodle as GIFT.</summary>
internal static class QuizCommands
{
    public static Command Create()
    {
        var quiz = new Command("quiz", "Quizzes and assessments written in Markdown or GIFT.");
        quiz.Add(ExportGift());
        return quiz;
    }

    private static Command ExportGift()
    {
        var file = new Argument<FileInfo>("file") { Description = "The quiz file (Markdown such as assessments/pre.md, or .gift)." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the GIFT here instead of to standard output; must not exist yet." };
        var export = new Command(
            "export-gift",
            "Write a quiz as Moodle GIFT, for importing into a Moodle question bank. Questions GIFT cannot hold (ordering, Likert) are left out and listed.")
        {
            file,
            output,
        };
        export.SetAction(async (result, cancellationToken) =>
        {
            var source = result.GetValue(file)!;
            var target = result.GetValue(output);
            return await ExportAsync(source, target, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken);
        });
        return export;
    }

    /// <summary>Exits 1, writing nothing, when the file cannot be read or has errors: a half-converted bank is worse than none.</summary>
    internal static async Task<int> ExportAsync(FileInfo source, FileInfo? target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!source.Exists)
        {
            await error.WriteLineAsync($"{source.FullName} does not exist.");
            return 1;
        }

        if (target is { Exists: true })
        {
            await error.WriteLineAsync($"{target.FullName} already exists; choose a new file name.");
            return 1;
        }

        if (source.Length > QuizParser.MaxFileLength)
        {
            await error.WriteLineAsync($"{source.Name}: the file is larger than {QuizParser.MaxFileLength:N0} bytes; split the quiz.");
            return 1;
        }

        var text = await File.ReadAllTextAsync(source.FullName, cancellationToken);
        var parsed = QuizParser.Parse(new QuizSource(text, source.Name) { DefaultId = Path.GetFileNameWithoutExtension(source.Name) });
        foreach (var problem in parsed.Problems.OrderBy(p => p.Severity).ThenBy(p => p.Line).ThenBy(p => p.Column))
        {
            var severity = problem.Severity == QuizSeverity.Error ? "error" : "warning";
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{source.Name}:{problem.Line}:{problem.Column}: {severity} {problem.Code}: {problem.Message}"));
            if (!string.IsNullOrEmpty(problem.Hint))
            {
                await error.WriteLineAsync($"    hint: {problem.Hint}");
            }
        }

        if (parsed.Quiz is null || parsed.Errors.Any())
        {
            await error.WriteLineAsync("Nothing exported: fix the errors above first.");
            return 1;
        }

        var exported = GiftExporter.Export(parsed.Quiz);
        var written = parsed.Quiz.Questions.Count - exported.Skipped.Count;
        foreach (var skipped in exported.Skipped)
        {
            await error.WriteLineAsync($"Left out question '{skipped.QuestionId}': {skipped.Reason}");
        }

        if (written == 0)
        {
            await error.WriteLineAsync("Nothing exported: none of the quiz's questions has a GIFT form.");
            return 1;
        }

        if (target is null)
        {
            await output.WriteAsync(exported.Text);
        }
        else
        {
            target.Directory?.Create();
            await using var stream = new FileStream(target.FullName, FileMode.CreateNew, FileAccess.Write);
            await using var writer = new StreamWriter(stream);
            await writer.WriteAsync(exported.Text);
        }

        foreach (var note in exported.Notes)
        {
            await error.WriteLineAsync(note.QuestionId is null ? $"Note: {note.Message}" : $"Note on question '{note.QuestionId}': {note.Message}");
        }

        await error.WriteLineAsync($"Exported {written} of {parsed.Quiz.Questions.Count} questions{(target is null ? "" : " to " + target.FullName)}.");
        return 0;
    }
}
