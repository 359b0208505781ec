using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Tests.Authoring;

/// <summary>The quiz settings written in front matter, and the defaults each kind of quiz brings.</summary>
public class FrontMatterTests
{
    private const string OneQuestion = "\n## Q\n\n- [x] a\n- [ ] b\n";

    [Test]
    public void EverySetting_IsRead()
    {
        var quiz = QuizText.Clean("""
            ---
            id: final-quiz
            title: Final quiz
            type: quiz
            kind: post
            attempts: 3
            time-limit: 1h30m
            pass-mark: 62.5
            graded: true
            shuffle-questions: true
            shuffle-options: no
            opens: 2026-09-07 09:00
            closes: start + 6w
            show-score: after-close
            show-answers: never
            parallel-to: pre-course
            ---
            """ + OneQuestion);

        Assert.That(quiz.Id, Is.EqualTo("final-quiz"));
        Assert.That(quiz.Title, Is.EqualTo("Final quiz"));
        Assert.That(quiz.Settings, Is.EqualTo(new QuizSettings
        {
            Kind = QuizKind.Post,
            Attempts = 3,
            TimeLimit = TimeSpan.FromMinutes(90),
            PassMark = 62.5m,
            Graded = true,
            ShuffleQuestions = true,
            ShuffleOptions = false,
            Opens = QuizDate.AtLocal(new DateTime(2026, 9, 7, 9, 0, 0)),
            Closes = QuizDate.FromStart(TimeSpan.FromDays(42)),
            Review = new ReviewPolicy(ReviewTiming.AfterClose, ReviewTiming.Never),
            ParallelTo = "pre-course",
        }));
    }

    [Test]
    public void NoFrontMatter_GivesACheckWithItsDefaults()
    {
        var quiz = QuizText.Clean(OneQuestion, "03-check.md");

        Assert.That(quiz.Settings, Is.EqualTo(new QuizSettings()));
        Assert.That(quiz.Settings.Review, Is.EqualTo(new ReviewPolicy(ReviewTiming.Immediately, ReviewTiming.Immediately)));
        Assert.That(quiz.Settings.Attempts, Is.Null, "attempts are unlimited unless stated");
        Assert.That((quiz.Id, quiz.Title), Is.EqualTo(("check", "check")));
    }

    [Test]
    public void DefaultIdFromThePack_IsUsedWhenTheFrontMatterHasNone()
    {
        var result = QuizParser.Parse(new QuizSource("---\ntitle: T\n---\n" + OneQuestion, "assessments/baseline.md") { DefaultId = "pre-test" });

        Assert.That(result.Quiz!.Id, Is.EqualTo("pre-test"));
    }

    [TestCase(QuizKind.Pre, ReviewTiming.Immediately, ReviewTiming.Never)]
    [TestCase(QuizKind.Post, ReviewTiming.Immediately, ReviewTiming.AfterClose)]
    [TestCase(QuizKind.Check, ReviewTiming.Immediately, ReviewTiming.Immediately)]
    public void KindFromContext_AppliesWhenFrontMatterHasNone_WithItsReviewDefaults(QuizKind kind, ReviewTiming score, ReviewTiming answers)
    {
        var quiz = QuizText.Clean("---\ntitle: T\n---\n" + OneQuestion, kind: kind);

        Assert.That(quiz.Settings.Kind, Is.EqualTo(kind));
        Assert.That(quiz.Settings.Review, Is.EqualTo(new ReviewPolicy(score, answers)));
    }

    [Test]
    public void KindInFrontMatter_WinsOverTheContext()
    {
        var quiz = QuizText.Clean("---\ntitle: T\nkind: check\n---\n" + OneQuestion, kind: QuizKind.Pre);

        Assert.That(quiz.Settings.Kind, Is.EqualTo(QuizKind.Check));
    }

    [Test]
    public void Anonymous_WithoutKind_MakesASurvey_ThatIsNeverGradedAndShowsNothing()
    {
        var quiz = QuizText.Clean("---\ntitle: T\nanonymous: true\n---\n\n## How was it?\n\n- [ ] Good\n- [ ] Bad\n");

        Assert.That(quiz.Settings.Kind, Is.EqualTo(QuizKind.Survey));
        Assert.That(quiz.Settings.Graded, Is.False);
        Assert.That(quiz.Settings.Review, Is.EqualTo(new ReviewPolicy(ReviewTiming.Never, ReviewTiming.Never)));
    }

    [Test]
    public void Shuffle_SetsQuestionsAndOptions_AndTheSpecificKeysOverrideIt()
    {
        var quiz = QuizText.Clean("---\ntitle: T\nshuffle: true\nshuffle-options: false\n---\n" + OneQuestion);

        Assert.That((quiz.Settings.ShuffleQuestions, quiz.Settings.ShuffleOptions), Is.EqualTo((true, false)));
    }

    [TestCase("20m", 20)]
    [TestCase("1h", 60)]
    [TestCase("1h 30m", 90)]
    [TestCase("45min", 45)]
    [TestCase("90s", 1.5)]
    public void TimeLimit_ReadsDurationsWithUnits(string written, double minutes)
    {
        var quiz = QuizText.Clean($"---\ntitle: T\ntime-limit: {written}\n---\n" + OneQuestion);

        Assert.That(quiz.Settings.TimeLimit, Is.EqualTo(TimeSpan.FromMinutes(minutes)));
    }

    [Test]
    public void AbsoluteDates_WithOffsetAreMoments_AndABareClosingDateMeansTheEndOfThatDay()
    {
        var quiz = QuizText.Clean("---\ntitle: T\nopens: 2026-09-07T08:00:00+02:00\ncloses: 2026-09-20\n---\n" + OneQuestion);

        Assert.That(quiz.Settings.Opens, Is.EqualTo(QuizDate.At(new DateTimeOffset(2026, 9, 7, 8, 0, 0, TimeSpan.FromHours(2)))));
        Assert.That(quiz.Settings.Closes, Is.EqualTo(QuizDate.AtLocal(new DateTime(2026, 9, 21))));
    }

    [Test]
    public void RelativeDates_ResolveAgainstTheCohortStart_AndStayOpenWithoutOne()
    {
        var quiz = QuizText.Clean("---\ntitle: T\nopens: start - 1d\ncloses: start + 14d 12h\n---\n" + OneQuestion);
        var start = new DateTimeOffset(2026, 9, 7, 9, 0, 0, TimeSpan.Zero);

        Assert.That(quiz.Settings.Opens!.Resolve(start, TimeZoneInfo.Utc), Is.EqualTo(start.AddDays(-1)));
        Assert.That(quiz.Settings.Closes!.Resolve(start, TimeZoneInfo.Utc), Is.EqualTo(start.AddDays(14.5)));
        Assert.That(quiz.Settings.Closes.Resolve(null, TimeZoneInfo.Utc), Is.Null);
    }

    [Test]
    public void LocalDate_ResolvesInTheSiteTimeZone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test+3", TimeSpan.FromHours(3), "Test+3", "Test+3");

        var resolved = QuizDate.AtLocal(new DateTime(2026, 9, 7, 18, 0, 0)).Resolve(null, zone);

        Assert.That(resolved, Is.EqualTo(new DateTimeOffset(2026, 9, 7, 15, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void OpensAndClosesOfDifferentSorts_CannotBeComparedBeforeResolving_SoNoProblemIsReported()
    {
        var result = QuizText.Parse("---\ntitle: T\nopens: 2027-01-01\ncloses: start + 1d\n---\n" + OneQuestion);

        Assert.That(result.Problems, Is.Empty);
    }

    [Test]
    public void PassMarkWithPercentSign_IsAccepted()
    {
        var quiz = QuizText.Clean("---\ntitle: T\npass-mark: 75%\n---\n" + OneQuestion);

        Assert.That(quiz.Settings.PassMark, Is.EqualTo(75));
    }

    [Test]
    public void UnknownSetting_IsOnlyAWarning_SoTheQuizIsStillUsable()
    {
        var result = QuizText.Parse("---\ntitle: T\ncolour: blue\n---\n" + OneQuestion);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Warnings.Single().Code, Is.EqualTo(QuizProblemCodes.UnknownSetting));
    }

    [TestCase("attempts: 0")]
    [TestCase("attempts: many")]
    [TestCase("graded: maybe")]
    [TestCase("show-score: later")]
    [TestCase("id: Final Quiz")]
    [TestCase("opens: 2026-13-45")]
    [TestCase("pass-mark: [60]")]
    public void InvalidValue_IsAnErrorAtTheValue(string line)
    {
        var problem = QuizText.Problems($"---\ntitle: T\n{line}\n---\n" + OneQuestion).Single();

        Assert.That(problem.Code, Is.EqualTo(QuizProblemCodes.InvalidSetting));
        Assert.That((problem.Line, problem.Column), Is.EqualTo((3, line.IndexOf(':', StringComparison.Ordinal) + 3)));
    }

    [TestCase(ReviewTiming.Immediately, false, true)]
    [TestCase(ReviewTiming.AfterClose, false, false)]
    [TestCase(ReviewTiming.AfterClose, true, true)]
    [TestCase(ReviewTiming.Never, true, false)]
    public void ReviewPolicy_AllowsAccordingToTimingAndWhetherTheQuizClosedForTheLearner(ReviewTiming timing, bool closed, bool allowed)
    {
        Assert.That(ReviewPolicy.Allows(timing, closed), Is.EqualTo(allowed));
    }
}
