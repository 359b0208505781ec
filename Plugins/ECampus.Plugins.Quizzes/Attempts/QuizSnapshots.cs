using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Attempts;

/// <summary>
/// Quizzes as attempts keep them: stored once per distinct JSON (its SHA-256 is the id), parsed once per process.
/// A snapshot never changes, so the parsed copy never goes stale.
/// </summary>
public sealed class QuizSnapshots
{
    private readonly ConcurrentDictionary<string, Quiz> _parsed = new(StringComparer.Ordinal);

    public (string Id, string Json) Of(Quiz quiz)
    {
        var json = QuizJson.Serialize(quiz);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        _parsed.TryAdd(id, quiz);
        return (id, json);
    }

    public Quiz Get(string id, Func<string> json) => _parsed.GetOrAdd(id, _ => QuizJson.DeserializeQuiz(json()));

    public bool TryGet(string id, out Quiz quiz) => _parsed.TryGetValue(id, out quiz!);
}
