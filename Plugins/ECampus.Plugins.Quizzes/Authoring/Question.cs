using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>A question with its answer key. Show learners <see cref="Grading.QuestionView"/>, never this.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ChoiceQuestion), "choice")]
[JsonDerivedType(typeof(TrueFalseQuestion), "true-false")]
[JsonDerivedType(typeof(ShortAnswerQuestion), "short-answer")]
[JsonDerivedType(typeof(NumericQuestion), "numeric")]
[JsonDerivedType(typeof(MatchingQuestion), "matching")]
[JsonDerivedType(typeof(OrderingQuestion), "ordering")]
[JsonDerivedType(typeof(EssayQuestion), "essay")]
[JsonDerivedType(typeof(LikertQuestion), "likert")]
[JsonDerivedType(typeof(PollQuestion), "poll")]
[JsonDerivedType(typeof(FreeTextQuestion), "free-text")]
[JsonDerivedType(typeof(DescriptionQuestion), "description")]
public abstract record Question
{
    /// <summary>Stable id within the quiz: explicit (<c>{#id}</c>, GIFT <c>[id:...]</c>) or derived from the text.</summary>
    public required string Id { get; init; }

    /// <summary>The question as the learner reads it, in <see cref="Format"/>.</summary>
    public required string Text { get; init; }

    /// <summary>How <see cref="Text"/>, options and feedback are written.</summary>
    public TextFormat Format { get; init; } = TextFormat.Markdown;

    /// <summary>Points for a fully right answer (0 for questions that are not scored).</summary>
    public decimal Points { get; init; } = 1;

    /// <summary>General feedback shown with the result, whatever the answer; null when none.</summary>
    public string? Feedback { get; init; }

    /// <summary>The GIFT <c>$CATEGORY</c> the question came under, kept as metadata; null when none.</summary>
    public string? Category { get; init; }

    /// <summary>The kind of question.</summary>
    [JsonIgnore]
    public abstract QuestionType Type { get; }

    /// <summary>How an answer is scored.</summary>
    [JsonIgnore]
    public virtual QuestionGrading Grading => QuestionGrading.Automatic;
}
