using System.Text.Json;
using System.Text.Json.Serialization;
using ECampus.Plugins.Quizzes.Grading;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// JSON for quizzes, questions, answers and results (System.Text.Json, source-generated), so an attempt can
/// store the questions and key it started with and be graded later without the pack.
/// </summary>
public static class QuizJson
{
    /// <summary>The options to use with <see cref="JsonSerializer"/> for any type of this plug-in.</summary>
    public static JsonSerializerOptions Options => QuizJsonContext.Default.Options;

    /// <summary>A quiz as JSON.</summary>
    public static string Serialize(Quiz quiz) => JsonSerializer.Serialize(quiz, QuizJsonContext.Default.Quiz);

    /// <summary>A quiz from JSON written by <see cref="Serialize(Quiz)"/>.</summary>
    public static Quiz DeserializeQuiz(string json) =>
        JsonSerializer.Deserialize(json, QuizJsonContext.Default.Quiz) ?? throw new JsonException("The JSON holds no quiz.");

    /// <summary>A question (with its key) as JSON, for an attempt's snapshot.</summary>
    public static string Serialize(Question question) => JsonSerializer.Serialize(question, QuizJsonContext.Default.Question);

    /// <summary>A question from JSON written by <see cref="Serialize(Question)"/>.</summary>
    public static Question DeserializeQuestion(string json) =>
        JsonSerializer.Deserialize(json, QuizJsonContext.Default.Question) ?? throw new JsonException("The JSON holds no question.");

    /// <summary>A learner's answer as JSON.</summary>
    public static string Serialize(Answer answer) => JsonSerializer.Serialize(answer, QuizJsonContext.Default.Answer);

    /// <summary>A learner's answer from JSON (as stored, or as posted by a client).</summary>
    public static Answer DeserializeAnswer(string json) =>
        JsonSerializer.Deserialize(json, QuizJsonContext.Default.Answer) ?? throw new JsonException("The JSON holds no answer.");
}

/// <summary>The source-generated serialisation metadata.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Quiz))]
[JsonSerializable(typeof(Question))]
[JsonSerializable(typeof(Answer))]
[JsonSerializable(typeof(QuestionView))]
[JsonSerializable(typeof(IReadOnlyList<QuestionView>))]
[JsonSerializable(typeof(AttemptOrder))]
[JsonSerializable(typeof(QuestionResult))]
[JsonSerializable(typeof(QuizResult))]
internal sealed partial class QuizJsonContext : JsonSerializerContext;
