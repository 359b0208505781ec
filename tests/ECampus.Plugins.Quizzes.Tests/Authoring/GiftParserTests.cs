using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Tests.Authoring;

/// <summary>One test per GIFT feature, with Moodle's documented examples, each asserting the parsed model.</summary>
public class GiftParserTests
{
    [Test]
    public void MultipleChoice_EqualsMarksTheRightAnswer_TildeTheWrongOnes()
    {
        var question = QuizText.Gift<ChoiceQuestion>("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}");

        Assert.That(question.Multiple, Is.False);
        Assert.That(question.Options.Select(o => (o.Id, o.Text, o.Weight)),
            Is.EqualTo(new[] { ("a", "Grant", 0m), ("b", "Jefferson", 0m), ("c", "no one", 100m) }));
        Assert.That(question.Text, Is.EqualTo("Who's buried in Grant's tomb?"));
        Assert.That(question.Format, Is.EqualTo(TextFormat.Moodle));
    }

    [Test]
    public void MissingWord_TextAfterTheBlock_PutsABlankWhereTheBlockWas()
    {
        var question = QuizText.Gift<ChoiceQuestion>("Grant is {~buried =entombed ~living} in Grant's tomb.");

        Assert.That(question.Text, Is.EqualTo("Grant is _____ in Grant's tomb."));
        Assert.That(question.Options.Single(o => o.IsCorrect).Text, Is.EqualTo("entombed"));
    }

    [Test]
    public void PartialCredit_AndMultipleAnswersWithoutEquals_UseTheWeights()
    {
        var partial = QuizText.Gift<ChoiceQuestion>("Difficult question.{~wrong answer ~%50%half credit answer =full credit answer}");
        var multiple = QuizText.Gift<ChoiceQuestion>(
            "What two people are entombed in Grant's tomb? {~%-100%No one ~%50%Grant ~%50%Grant's wife ~%-100%Grant's father}");

        Assert.That(partial.Multiple, Is.False);
        Assert.That(partial.Options.Select(o => o.Weight), Is.EqualTo(new[] { 0m, 50m, 100m }));
        Assert.That(multiple.Multiple, Is.True);
        Assert.That(multiple.Options.Select(o => o.Weight), Is.EqualTo(new[] { -100m, 50m, 50m, -100m }));
    }

    [Test]
    public void DecimalWeights_AreKeptExactly()
    {
        var question = QuizText.Gift<ChoiceQuestion>("Pick three. {~%33.33333%a ~%33.33333%b ~%33.33334%c ~%-100%d}");

        Assert.That(question.Options.Select(o => o.Weight), Is.EqualTo(new[] { 33.33333m, 33.33333m, 33.33334m, -100m }));
    }

    [Test]
    public void AnswerFeedback_FollowsAHash()
    {
        var question = QuizText.Gift<ChoiceQuestion>(
            "What's the answer to this multiple-choice question? {~wrong answer#feedback comment on the wrong answer ~another wrong answer#feedback comment on this wrong answer =right answer#Very good!}");

        Assert.That(question.Options.Select(o => o.Feedback),
            Is.EqualTo(new[] { "feedback comment on the wrong answer", "feedback comment on this wrong answer", "Very good!" }));
    }

    [TestCase("Grant is buried in Grant's tomb.{F}", false)]
    [TestCase("Grant is buried in Grant's tomb.{FALSE}", false)]
    [TestCase("The sun rises in the east.{T}", true)]
    [TestCase("The sun rises in the east.{TRUE}", true)]
    public void TrueFalse_AcceptsTheShortAndLongForms(string gift, bool answer)
    {
        var question = QuizText.Gift<TrueFalseQuestion>(gift);

        Assert.That(question.Answer, Is.EqualTo(answer));
        Assert.That((question.TrueLabel, question.FalseLabel), Is.EqualTo(("True", "False")));
    }

    [Test]
    public void TrueFalseFeedback_FirstGoesWithTheWrongChoice_SecondWithTheRightOne()
    {
        var isTrue = QuizText.Gift<TrueFalseQuestion>("Social dialogue is a pillar of decent work. {TRUE#It is one of the four pillars.#Right.}");
        var isFalse = QuizText.Gift<TrueFalseQuestion>("The ILO was founded in 1945. {F#No: 1919.#Right, it was 1919.}");

        Assert.That((isTrue.FeedbackIfFalse, isTrue.FeedbackIfTrue), Is.EqualTo(("It is one of the four pillars.", "Right.")));
        Assert.That((isFalse.FeedbackIfTrue, isFalse.FeedbackIfFalse), Is.EqualTo(("No: 1919.", "Right, it was 1919.")));
    }

    [Test]
    public void TrueFalseLabels_FollowTheQuizLanguage()
    {
        var question = QuizText.Gift<TrueFalseQuestion>("Le BIT a été fondé en 1919. {T}", "fr");

        Assert.That((question.TrueLabel, question.FalseLabel), Is.EqualTo(("Vrai", "Faux")));
    }

    [Test]
    public void ShortAnswer_EveryEqualsIsAccepted_WithWeightsAndFeedback()
    {
        var plain = QuizText.Gift<ShortAnswerQuestion>("Who's buried in Grant's tomb?{=no one =nobody}");
        var missingWord = QuizText.Gift<ShortAnswerQuestion>("Two plus two equals {=four =4}.");
        var weighted = QuizText.Gift<ShortAnswerQuestion>("Name the ILO's home city. {=Geneva =%50%Switzerland#Which city?}");

        Assert.That(plain.Answers.Select(a => a.Text), Is.EqualTo(new[] { "no one", "nobody" }));
        Assert.That(missingWord.Text, Is.EqualTo("Two plus two equals _____."));
        Assert.That(weighted.Answers[1], Is.EqualTo(new AcceptedAnswer("Switzerland", 50, "Which city?")));
        Assert.That(plain.CaseSensitive, Is.False, "Moodle short answers ignore case by default");
    }

    [Test]
    public void ShortAnswer_WildcardWorthNothing_IsFeedbackForAnyOtherAnswer()
    {
        var question = QuizText.Gift<ShortAnswerQuestion>("Name the ILO's home city. {=Geneva =%0%*#It is Geneva.}");

        Assert.That(question.Answers.Single().Text, Is.EqualTo("Geneva"));
        Assert.That(question.OtherwiseFeedback, Is.EqualTo("It is Geneva."));
    }

    [Test]
    public void Matching_PairsAreEqualsPromptArrowAnswer()
    {
        var question = QuizText.Gift<MatchingQuestion>("Which animal eats which food? { =cat -> cat food =dog -> dog food =bird -> seeds }");

        Assert.That(question.Pairs, Is.EqualTo(new[] { new MatchPair("a", "cat", "cat food"), new MatchPair("b", "dog", "dog food"), new MatchPair("c", "bird", "seeds") }));
    }

    [Test]
    public void Numeric_ValueWithTolerance()
    {
        var question = QuizText.Gift<NumericQuestion>("When was Ulysses S. Grant born?{#1822:5}");

        Assert.That(question.Answers.Single(), Is.EqualTo(new NumericRange(1817, 1827)));
    }

    [Test]
    public void Numeric_DecimalToleranceAndRange_AreExact()
    {
        var tolerance = QuizText.Gift<NumericQuestion>("What is the value of pi (to 3 decimal places)? {#3.14159:0.0005}.");
        var range = QuizText.Gift<NumericQuestion>("What is the value of pi (to 3 decimal places)? {#3.141..3.142}.");

        Assert.That(tolerance.Answers.Single(), Is.EqualTo(new NumericRange(3.14109m, 3.14209m)));
        Assert.That(range.Answers.Single(), Is.EqualTo(new NumericRange(3.141m, 3.142m)));
        Assert.That(range.Text, Is.EqualTo("What is the value of pi (to 3 decimal places)? _____."));
    }

    [Test]
    public void Numeric_SeveralAnswersWithWeightsFeedbackAndOtherwise()
    {
        var question = QuizText.Gift<NumericQuestion>("When was Ulysses S. Grant born? {# =1822:0 #Exactly. =%50%1822:2 #Close. ~#Look it up.}");

        Assert.That(question.Answers, Is.EqualTo(new[] { new NumericRange(1822, 1822, 100, "Exactly."), new NumericRange(1820, 1824, 50, "Close.") }));
        Assert.That(question.OtherwiseFeedback, Is.EqualTo("Look it up."));
    }

    [Test]
    public void Numeric_ExactValueAndNegativeNumbers()
    {
        var question = QuizText.Gift<NumericQuestion>("The lowest temperature? {#-89.2}");

        Assert.That(question.Answers.Single(), Is.EqualTo(new NumericRange(-89.2m, -89.2m)));
    }

    [Test]
    public void Essay_IsAnEmptyBlock()
    {
        var question = QuizText.Gift<EssayQuestion>("Write a short biography of Dag Hammarskjöld. {}");

        Assert.That(question.Text, Is.EqualTo("Write a short biography of Dag Hammarskjöld."));
    }

    [Test]
    public void Description_HasNoBlockAtAll()
    {
        var question = QuizText.Gift<DescriptionQuestion>("::Part 2:: The next questions are about supervision.");

        Assert.That(question.Points, Is.Zero);
        Assert.That(question.Id, Is.EqualTo("part-2"));
    }

    [Test]
    public void GeneralFeedback_FollowsFourHashes_EvenInAnEssay()
    {
        var choice = QuizText.Gift<ChoiceQuestion>("How many pounds in a kilogram? {=2.2 ~1 ~5 ####A kilogram is about 2.2 pounds.}");
        var essay = QuizText.Gift<EssayQuestion>("Explain tripartism. {####Governments, employers and workers.}");

        Assert.That(choice.Feedback, Is.EqualTo("A kilogram is about 2.2 pounds."));
        Assert.That(choice.Options.Select(o => o.Text), Is.EqualTo(new[] { "2.2", "1", "5" }));
        Assert.That(essay.Feedback, Is.EqualTo("Governments, employers and workers."));
    }

    [Test]
    public void Title_GivesTheId_AndIsNotPartOfTheText()
    {
        var question = QuizText.Gift<ShortAnswerQuestion>("::Kanji Origins::Japanese characters originally came from what country? {=China}");

        Assert.That(question.Id, Is.EqualTo("kanji-origins"));
        Assert.That(question.Text, Is.EqualTo("Japanese characters originally came from what country?"));
    }

    [Test]
    public void IdInACommentBeforeTheQuestion_WinsOverTheTitle()
    {
        var question = QuizText.Gift<ShortAnswerQuestion>("// [id:q-origins] [tag:kanji]\n::Kanji Origins::Where from? {=China}");

        Assert.That(question.Id, Is.EqualTo("q-origins"));
    }

    [Test]
    public void WithoutTitle_TheIdIsASlugOfTheText()
    {
        var question = QuizText.Gift<TrueFalseQuestion>("The sun rises in the east.{T}");

        Assert.That(question.Id, Is.EqualTo("the-sun-rises-in-the-east"));
    }

    [Test]
    public void Comments_AreDropped_EvenBetweenTheLinesOfAQuestion()
    {
        var quiz = QuizText.Clean("// question: 1 name: Grant's tomb\nWho's buried in Grant's tomb?{\n// a comment inside\n~Grant\n=no one\n}\n", "q.gift");

        Assert.That(((ChoiceQuestion)quiz.Questions.Single()).Options.Select(o => o.Text), Is.EqualTo(new[] { "Grant", "no one" }));
    }

    [Test]
    public void Category_IsKeptAsMetadataOnTheQuestionsThatFollow()
    {
        var quiz = QuizText.Clean("$CATEGORY: $course$/Module 1/Pre-test\n\n::q1:: One? {T}\n\n$CATEGORY: $course$/Module 2\n\n::q2:: Two? {F}\n", "q.gift");

        Assert.That(quiz.Questions.Select(q => q.Category), Is.EqualTo(new[] { "$course$/Module 1/Pre-test", "$course$/Module 2" }));
    }

    [Test]
    public void Escapes_StandForTheLiteralCharacters()
    {
        var question = QuizText.Gift<ChoiceQuestion>(@"Which answer equals 5? { ~ \= 2 + 2 = \= 2 + 3 ~ \= 2 + 4 }");
        var text = QuizText.Gift<EssayQuestion>(@"::esc::Literal \{braces\}, \~tilde, \#hash, \:colon and a\nnew line. {}");

        Assert.That(question.Options.Select(o => (o.Text, o.Weight)), Is.EqualTo(new[] { ("= 2 + 2", 0m), ("= 2 + 3", 100m), ("= 2 + 4", 0m) }));
        Assert.That(text.Text, Is.EqualTo("Literal {braces}, ~tilde, #hash, :colon and a\nnew line."));
    }

    [TestCase("[markdown]Which is **bold**? {T}", TextFormat.Markdown)]
    [TestCase("[html]Which is <b>bold</b>? {T}", TextFormat.Html)]
    [TestCase("[plain]Plain <b>text</b>? {T}", TextFormat.Plain)]
    [TestCase("[moodle]Moodle text? {T}", TextFormat.Moodle)]
    [TestCase("::t::[html]After a title? {T}", TextFormat.Html)]
    public void TextFormat_IsRecorded_AndTheTagRemoved(string gift, TextFormat format)
    {
        var question = QuizText.Gift<TrueFalseQuestion>(gift);

        Assert.That(question.Format, Is.EqualTo(format));
        Assert.That(question.Text, Does.Not.StartWith("["));
    }

    [Test]
    public void HtmlText_IsKeptAsWrittenForTheEngineToSanitise()
    {
        var question = QuizText.Gift<TrueFalseQuestion>("[html]<script>alert(1)</script>Is this safe? {F}");

        Assert.That(question.Text, Is.EqualTo("<script>alert(1)</script>Is this safe?"));
        Assert.That(question.Format, Is.EqualTo(TextFormat.Html), "the format tells the engine to sanitise");
    }

    [Test]
    public void QuestionsSpreadOverLines_AndSeparatedByBlankLines_AreRead()
    {
        var quiz = QuizText.Clean("::q1:: First? {\n  =yes\n  ~no\n}\n\n\n::q2:: Second? {T}\n", "q.gift");

        Assert.That(quiz.Questions.Select(q => q.Id), Is.EqualTo(new[] { "q1", "q2" }));
    }

    [Test]
    public void ReferenceWorkedExample_ParsesIntoSevenQuestionsOfTheRightTypes()
    {
        var quiz = QuizText.Clean(ReferenceExample, "module-1.gift");

        Assert.That(quiz.Questions.Select(q => (q.Id, q.Type)), Is.EqualTo(new[]
        {
            ("m1-q1", QuestionType.SingleChoice), ("m1-q2", QuestionType.Numeric), ("m1-q3", QuestionType.ShortAnswer),
            ("m1-q4", QuestionType.Matching), ("m1-q5", QuestionType.MultipleChoice), ("m1-q6", QuestionType.TrueFalse),
            ("m1-q7", QuestionType.Essay),
        }));
        var first = (ChoiceQuestion)quiz.Questions[0];
        Assert.That(first.Format, Is.EqualTo(TextFormat.Markdown));
        Assert.That(first.Text, Is.EqualTo("Which organisation adopted the **Decent Work Agenda**?"));
        Assert.That(first.Options[0].Feedback, Is.EqualTo("Correct – the ILO launched it in 1999."));
        Assert.That(first.Feedback, Is.EqualTo("The agenda has four pillars."));
        Assert.That(quiz.Questions[1].Text, Is.EqualTo("The ILO was founded in _____ after the First World War."));
        Assert.That(quiz.Questions.Select(q => q.Category), Is.All.EqualTo("$course$/Module 1/Pre-test"));
        Assert.That(quiz.Id, Is.EqualTo("module-1"));
    }

    /// <summary>The worked example of docs reference/quiz-formats.md, section 2.1.</summary>
    private const string ReferenceExample = """
        // Module 1 pre-test
        $CATEGORY: $course$/Module 1/Pre-test

        ::M1-Q1:: [markdown]Which organisation adopted the **Decent Work Agenda**? {
          =ILO #Correct – the ILO launched it in 1999.
          ~UNESCO #No – UNESCO focuses on education and culture.
          ~WTO
          ####The agenda has four pillars.
        }

        ::M1-Q2:: The ILO was founded in {#1919} after the First World War.

        ::M1-Q3:: Name a tripartite constituent of the ILO. {=governments =employers =workers}

        ::M1-Q4:: Match each convention to its topic. {
          =C138 -> minimum age
          =C182 -> worst forms of child labour
          =C111 -> discrimination
        }

        ::M1-Q5:: Which are core labour standards? {~%50%freedom of association ~%50%abolition of forced labour ~%-100%minimum wage}

        ::M1-Q6:: Social dialogue is a pillar of decent work. {TRUE#It is one of the four pillars.#Right.}

        ::M1-Q7:: Describe one decent-work deficit in your country. {}
        """;
}
