using ECampus.Plugins.Quizzes.Authoring;
using Snapshooter.NUnit;

namespace ECampus.Plugins.Quizzes.Tests.Authoring;

/// <summary>
/// The parsed model of every question type and the wording of every problem, kept as snapshots in
/// __snapshots__ and reviewed by hand: a change to either shows up in review.
/// </summary>
public class ParsedModelSnapshotTests
{
    [Test]
    public void EveryQuestionType_ParsesToTheReviewedModel()
    {
        var expressible = QuizText.Clean(Examples.GiftExpressible);
        var survey = QuizText.Clean(Examples.NotGiftExpressible);

        Snapshot.Match(new { expressible, survey });
    }

    [Test]
    public void EveryProblem_IsWordedAsReviewed()
    {
        var problems = BrokenQuizzes.All()
            .Select(c => QuizText.Parse((string)c.Arguments[3]!, (string)c.Arguments[4]!).Problems.First(p => p.Code == (string)c.Arguments[0]!))
            .Select(p => p.ToString())
            .ToArray();

        Snapshot.Match(problems);
    }
}
