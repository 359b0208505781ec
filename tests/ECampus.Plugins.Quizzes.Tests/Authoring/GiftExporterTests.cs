using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Tests.Authoring;

/// <summary>GIFT export: what Moodle can take is written so that reading it back gives the same questions.</summary>
public class GiftExporterTests
{
    [Test]
    public void MarkdownQuizOfExpressibleTypes_RoundTripsThroughGiftToTheSameQuestions()
    {
        var original = QuizText.Clean(Examples.GiftExpressible);

        var export = GiftExporter.Export(original);
        var readBack = QuizText.Clean(export.Text, "export.gift");

        Assert.That(export.Skipped, Is.Empty);
        Assert.That(readBack.Questions.Select(QuizJson.Serialize), Is.EqualTo(original.Questions.Select(QuizJson.Serialize)), export.Text);
    }

    [Test]
    public void GiftFile_RoundTripsThroughExport_KeepingCategoriesAndFormats()
    {
        const string gift = """
            $CATEGORY: $course$/Module 1

            ::q1:: [html]<p>Which is <b>right</b>?</p> {=this #Yes. ~that ####General.}

            ::q2:: Plain Moodle text with a \{brace\} and a \: colon? {F#Wrong.#Right.}

            $CATEGORY: $course$/Module 2

            ::q3:: [plain]How much? {#=%100%10:1 #Good. =%25%5..15 ~#No.}

            ::q4:: Grant is {~buried =entombed ~living} in Grant's tomb.
            """;
        var original = QuizText.Clean(gift, "module.gift");

        var readBack = QuizText.Clean(GiftExporter.Export(original).Text, "export.gift");

        Assert.That(readBack.Questions.Select(QuizJson.Serialize), Is.EqualTo(original.Questions.Select(QuizJson.Serialize)));
        Assert.That(readBack.Questions.Select(q => q.Category), Is.EqualTo(new[] { "$course$/Module 1", "$course$/Module 1", "$course$/Module 2", "$course$/Module 2" }));
    }

    [Test]
    public void Export_WritesMoodleReadableGift()
    {
        var quiz = QuizText.Clean("---\ntitle: T\n---\n\n## Where is the ILO? {#where}\n\n- [x] Geneva\n  > Yes.\n- [ ] Paris\n\n> Since 1920.\n");

        var text = GiftExporter.Export(quiz).Text;

        Assert.That(text, Is.EqualTo("// T\n// Exported from ECampus quiz 'quiz'\n\n// [id:where]\n::where::[markdown]Where is the ILO? {\n=Geneva #Yes.\n~Paris\n####Since 1920.\n}\n"));
    }

    [Test]
    public void MultipleChoice_IsWrittenWithWeightsOnly_SoItStaysMultipleAnswer()
    {
        var quiz = QuizText.Clean("---\ntitle: T\n---\n\n## Pick {#pick}\n\n- [x] a\n- [x] b\n- [ ] c\n");

        var text = GiftExporter.Export(quiz).Text;

        Assert.That(text, Does.Contain("~%50%a\n~%50%b\n~%-100%c"));
        Assert.That(text, Does.Not.Contain("="));
    }

    [Test]
    public void TypesGiftCannotExpress_AreSkippedWithAReason()
    {
        var quiz = QuizText.Clean(Examples.NotGiftExpressible);

        var export = GiftExporter.Export(quiz);

        Assert.That(export.Skipped.Select(s => (s.QuestionId, s.Type)), Is.EqualTo(new[]
        {
            ("stages", QuestionType.Ordering), ("useful", QuestionType.Likert), ("heard", QuestionType.Poll), ("improve", QuestionType.FreeText),
        }));
        Assert.That(export.Skipped.Select(s => s.Reason), Is.All.Not.Empty);
        Assert.That(export.Text, Does.Not.Contain("::"));
    }

    [Test]
    public void DetailsGiftCannotCarry_AreNoted()
    {
        var quiz = QuizText.Clean("---\ntitle: T\npass-mark: 60\n---\n\n## Hard {#hard points=3}\n\n- [x] a\n- [ ] b\n\n## Code? {#code case-sensitive}\n\nAnswer: C029\n");

        var notes = GiftExporter.Export(quiz).Notes;

        Assert.That(notes.Select(n => n.QuestionId), Is.EqualTo(new string?[] { null, "hard", "code" }));
        Assert.That(notes[1].Message, Does.Contain("3 points"));
    }

    [Test]
    public void TextWithGiftSpecials_IsEscaped_AndNewLinesBecomeBackslashN()
    {
        var quiz = QuizText.Clean(Examples.GiftExpressible);

        var text = GiftExporter.Export(quiz).Text;

        Assert.That(text, Does.Contain(@"Describe a decent-work deficit\: use `\#`, `\{`, `\}`, `\=`, `~` and `\:` freely\n\nWrite 200 words. {}".Replace("`~`", @"`\~`", StringComparison.Ordinal)));
        Assert.That(text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)), Has.None.Empty);
    }
}
