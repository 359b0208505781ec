using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ECampus.EndToEnd;

/// <summary>A learner takes a quiz through its pages as anyone would, with or without JavaScript: start, tick, submit.</summary>
internal static class QuizTaking
{
    /// <summary>The right answers to the self-paced sample course's quizzes, by the labels the learner ticks.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SelfPacedAnswers = new Dictionary<string, string[]>
    {
        ["baseline"] =
        [
            "The International Labour Conference", "False", "Governments, employers and workers", "Five",
            "The Committee of Experts on the Application of Conventions and Recommendations",
        ],
        ["check-1"] = ["A Convention", "Two thirds of the votes cast", "Two government, one employer and one worker delegate"],
        ["check-2"] = ["all ILO member States", "C138 and C182", "Non-discrimination in employment and occupation"],
    };

    /// <summary>Opens the quiz where the engine links it, starts an attempt, ticks the right answers and submits.</summary>
    public static async Task TakeAsync(IPage learner, string courseId, string quizId, string expectedResult)
    {
        await learner.GotoAsync($"/courses/{courseId}/activities/{quizId}");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        foreach (var answer in SelfPacedAnswers[quizId])
        {
            await learner.GetByLabel(answer, new() { Exact = true }).CheckAsync();
        }

        await learner.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Status)).ToContainTextAsync(expectedResult);
    }
}
