using System.Collections.Concurrent;
using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Attempts;

/// <summary>Quizzes parsed once per pack version and language; a new version has a new content hash, so entries never go stale.</summary>
public sealed class ParsedQuizzes
{
    private const int MaxEntries = 2_000;
    private readonly ConcurrentDictionary<(string Course, string Quiz, string? Language, string Hash), Quiz?> _quizzes = new();

    public Quiz? GetOrParse(string courseId, string quizId, string? language, string contentHash, Func<Quiz?> parse)
    {
        if (_quizzes.Count > MaxEntries)
        {
            _quizzes.Clear();
        }

        return _quizzes.GetOrAdd((courseId, quizId, language, contentHash), _ => parse());
    }
}
