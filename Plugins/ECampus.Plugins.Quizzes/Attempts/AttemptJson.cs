using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Attempts;

/// <summary>JSON for what the plug-in stores and answers: the quiz language's own types, and the API's records.</summary>
public static class AttemptJson
{
    public static JsonSerializerOptions Options { get; } = new(QuizJson.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(QuizJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };
}
