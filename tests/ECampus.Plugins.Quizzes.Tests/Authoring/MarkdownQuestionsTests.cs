using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Tests.Authoring;

/// <summary>Each question type as written in a Markdown quiz.</summary>
public class MarkdownQuestionsTests
{
    [Test]
    public void OneTickedOption_IsSingleChoiceWorthFullPointsForThatOption()
    {
        var question = QuizText.Question<ChoiceQuestion>("""
            ## Where is the ILO's headquarters?

            - [ ] Paris
            - [x] Geneva
            - [ ] New York
            """);

        Assert.That(question.Multiple, Is.False);
        Assert.That(question.Options.Select(o => (o.Id, o.Text, o.Weight)),
            Is.EqualTo(new[] { ("a", "Paris", 0m), ("b", "Geneva", 100m), ("c", "New York", 0m) }));
        Assert.That(question.Points, Is.EqualTo(1));
        Assert.That(question.Text, Is.EqualTo("Where is the ILO's headquarters?"));
    }

    [Test]
    public void BodyBetweenHeadingAndOptions_IsKeptAsMarkdownSource()
    {
        var question = QuizText.Question<ChoiceQuestion>("""
            ## What does this print?

            Look at the **code**:

            ```python
            print(1 + 1)
            ```

            ![A chart](../assets/chart.png)

            - [x] 2
            - [ ] 11
            """);

        Assert.That(question.Text, Is.EqualTo("What does this print?\n\nLook at the **code**:\n\n```python\nprint(1 + 1)\n```\n\n![A chart](../assets/chart.png)"));
    }

    [Test]
    public void NestedQuoteUnderAnOption_IsThatOptionsFeedback_AndAQuoteAfterTheOptionsIsTheQuestions()
    {
        var question = QuizText.Question<ChoiceQuestion>("""
            ## Which organisation adopted the Decent Work Agenda?

            - [x] ILO
              > Correct: the ILO launched it in 1999.
            - [ ] UNESCO
              > No: UNESCO focuses on education
              > and culture.
            - [ ] WTO

            > The agenda has four pillars.
            """);

        Assert.That(question.Options.Select(o => o.Feedback),
            Is.EqualTo(new[] { "Correct: the ILO launched it in 1999.", "No: UNESCO focuses on education\nand culture.", null }));
        Assert.That(question.Feedback, Is.EqualTo("The agenda has four pillars."));
    }

    [Test]
    public void SeveralTickedOptions_AreMultipleChoice_CorrectSharingPlusHundred_WrongSharingMinusHundred()
    {
        var question = QuizText.Question<ChoiceQuestion>("""
            ## Which are core labour standards?

            - [x] Freedom of association
            - [x] Abolition of forced labour
            - [x] Non-discrimination
            - [ ] A minimum wage
            - [ ] Paid annual leave
            """);

        Assert.That(question.Multiple, Is.True);
        Assert.That(question.Options.Take(3).Sum(o => o.Weight), Is.EqualTo(100m).Within(0.0000001m));
        Assert.That(question.Options.Skip(3).Select(o => o.Weight), Is.EqualTo(new[] { -50m, -50m }));
    }

    [Test]
    public void ExplicitWeights_AreUsed_AndUnweightedWrongOptionsCountZeroOnceAnyWrongOptionHasAWeight()
    {
        var question = QuizText.Question<ChoiceQuestion>("""
            ## Which are core labour standards?

            - [x] (50%) Freedom of association
            - [x] Abolition of forced labour
            - [ ] (-100%) A minimum wage
            - [ ] Paid annual leave
            """);

        Assert.That(question.Options.Select(o => o.Weight), Is.EqualTo(new[] { 50m, 50m, -100m, 0m }));
    }

    [Test]
    public void TypeMultiple_WithOneTickedOption_IsStillCheckboxes()
    {
        var question = QuizText.Question<ChoiceQuestion>("""
            ## Select every binding instrument {type=multiple}

            - [x] Convention
            - [ ] Recommendation
            - [ ] Resolution
            """);

        Assert.That(question.Multiple, Is.True);
        Assert.That(question.Options.Select(o => o.Weight), Is.EqualTo(new[] { 100m, -50m, -50m }));
    }

    [Test]
    public void TypeSingle_WithTwoTickedOptions_AcceptsEitherForFullPoints()
    {
        var question = QuizText.Question<ChoiceQuestion>("""
            ## Name one ILO constituent {type=single}

            - [x] Governments
            - [x] Workers
            - [ ] Banks
            """);

        Assert.That(question.Multiple, Is.False);
        Assert.That(question.Options.Select(o => o.Weight), Is.EqualTo(new[] { 100m, 100m, 0m }));
    }

    [Test]
    public void PointsAndIdAttributes_AreReadFromTheEndOfTheHeading_AndLeftOutOfItsText()
    {
        var question = QuizText.Question<ChoiceQuestion>("""
            ## When was the ILO founded? {#ilo-founded points=2.5}

            - [x] 1919
            - [ ] 1945
            """);

        Assert.That(question.Id, Is.EqualTo("ilo-founded"));
        Assert.That(question.Points, Is.EqualTo(2.5m));
        Assert.That(question.Text, Is.EqualTo("When was the ILO founded?"));
    }

    [Test]
    public void BracesThatAreNotAttributes_StayInTheHeadingText()
    {
        var question = QuizText.Question<ChoiceQuestion>("""
            ## Is {a, b} a set?

            - [x] Yes
            - [ ] No
            """);

        Assert.That(question.Text, Is.EqualTo("Is {a, b} a set?"));
    }

    [Test]
    public void ExplicitOptionIds_ReplaceTheLetters()
    {
        var question = QuizText.Question<ChoiceQuestion>("""
            ## Where is the ILO's headquarters?

            - [x] Geneva {#geneva}
            - [ ] Paris {#paris}
            """);

        Assert.That(question.Options.Select(o => (o.Id, o.Text)), Is.EqualTo(new[] { ("geneva", "Geneva"), ("paris", "Paris") }));
    }

    [Test]
    public void TrueFalseType_ReadsTheTickedWord_LabelsAndFeedbackPerChoice()
    {
        var question = QuizText.Question<TrueFalseQuestion>("""
            ## Social dialogue is a pillar of decent work. {type=true-false}

            - [ ] False
              > It is one of the four pillars.
            - [x] True
              > Right.
            """);

        Assert.That(question.Answer, Is.True);
        Assert.That(question.FeedbackIfTrue, Is.EqualTo("Right."));
        Assert.That(question.FeedbackIfFalse, Is.EqualTo("It is one of the four pillars."));
        Assert.That((question.TrueLabel, question.FalseLabel), Is.EqualTo(("True", "False")));
    }

    [Test]
    public void TrueFalseType_InFrench_KeepsTheFrenchLabels()
    {
        var question = QuizText.Question<TrueFalseQuestion>("""
            ## Une recommandation est contraignante. {type=true-false}

            - [ ] Vrai
            - [x] Faux
            """, language: "fr");

        Assert.That(question.Answer, Is.False);
        Assert.That((question.TrueLabel, question.FalseLabel), Is.EqualTo(("Vrai", "Faux")));
    }

    [Test]
    public void AnswerListOfWords_IsShortAnswer_WithWeightsAndFeedback()
    {
        var question = QuizText.Question<ShortAnswerQuestion>("""
            ## In which city is the ILO's headquarters?

            Answers:

            - Geneva
            - Genève
            - (50%) Switzerland
              > Close: which city?
            - *
              > The headquarters are in Geneva.
            """);

        Assert.That(question.Answers, Is.EqualTo(new[]
        {
            new AcceptedAnswer("Geneva"), new AcceptedAnswer("Genève"), new AcceptedAnswer("Switzerland", 50, "Close: which city?"),
        }));
        Assert.That(question.OtherwiseFeedback, Is.EqualTo("The headquarters are in Geneva."));
        Assert.That(question.CaseSensitive, Is.False);
        Assert.That(question.Text, Is.EqualTo("In which city is the ILO's headquarters?"));
    }

    [Test]
    public void OneLineAnswer_IsASingleAcceptedAnswer_AndCaseSensitiveIsAnAttribute()
    {
        var question = QuizText.Question<ShortAnswerQuestion>("""
            ## Which convention covers forced labour? {case-sensitive}

            Answer: C029
            """);

        Assert.That(question.Answers.Single().Text, Is.EqualTo("C029"));
        Assert.That(question.CaseSensitive, Is.True);
    }

    [Test]
    public void AnswerListOfNumbers_IsNumeric_WithToleranceRangeAndExactForms()
    {
        var question = QuizText.Question<NumericQuestion>("""
            ## In which year was the ILO founded?

            Answer:

            - 1919
            - (50%) 1919 ± 2
            - (25%) 1910..1930
            - (10%) 1919 +- 20
            """);

        Assert.That(question.Answers, Is.EqualTo(new[]
        {
            new NumericRange(1919, 1919), new NumericRange(1917, 1921, 50), new NumericRange(1910, 1930, 25), new NumericRange(1899, 1939, 10),
        }));
    }

    [Test]
    public void OneLineNumericAnswer_WithDecimalTolerance_IsExact()
    {
        var question = QuizText.Question<NumericQuestion>("""
            ## What is pi to two decimals?

            Answer: 3.14 ± 0.005
            """);

        Assert.That(question.Answers.Single(), Is.EqualTo(new NumericRange(3.135m, 3.145m)));
    }

    [Test]
    public void ExplicitShortType_KeepsNumbersAsText()
    {
        var question = QuizText.Question<ShortAnswerQuestion>("""
            ## Which convention number covers child labour? {type=short}

            Answer: 182
            """);

        Assert.That(question.Answers.Single().Text, Is.EqualTo("182"));
    }

    [Test]
    public void ArrowsInTheAnswerList_MakeMatchingPairs_WithEitherArrow()
    {
        var question = QuizText.Question<MatchingQuestion>("""
            ## Match each convention to its topic

            Answers:

            - C138 → minimum age
            - C182 -> worst forms of child labour
            - C111 → discrimination
            """);

        Assert.That(question.Pairs, Is.EqualTo(new[]
        {
            new MatchPair("a", "C138", "minimum age"), new MatchPair("b", "C182", "worst forms of child labour"), new MatchPair("c", "C111", "discrimination"),
        }));
    }

    [Test]
    public void MatchingType_NeedsNoAnswerIntro()
    {
        var question = QuizText.Question<MatchingQuestion>("""
            ## Match the capitals {type=matching}

            - France → Paris
            - Spain → Madrid
            """);

        Assert.That(question.Pairs, Has.Count.EqualTo(2));
    }

    [Test]
    public void OrderingType_KeepsItemsInTheirRightOrder_WithIdsThatDoNotFollowTheOrder()
    {
        var question = QuizText.Question<OrderingQuestion>("""
            ## Put the stages of the policy cycle in order {type=ordering}

            1. Agenda setting
            2. Formulation
            3. Decision
            4. Implementation
            5. Evaluation
            """);

        Assert.That(question.Items.Select(i => i.Text), Is.EqualTo(new[] { "Agenda setting", "Formulation", "Decision", "Implementation", "Evaluation" }));
        Assert.That(question.Items.Select(i => i.Id), Is.Unique);
        Assert.That(question.Items.Select(i => i.Id), Is.Not.Ordered.Ascending, "ids sorted alphabetically would give the order away");
    }

    [Test]
    public void EssayType_KeepsTheWholeSectionAsText_AndScoresPoints()
    {
        var question = QuizText.Question<EssayQuestion>("""
            ## Describe a decent-work deficit in your country {type=essay points=5}

            Write 200 to 300 words.

            > Quote a source if you can.
            """);

        Assert.That(question.Text, Is.EqualTo("Describe a decent-work deficit in your country\n\nWrite 200 to 300 words.\n\n> Quote a source if you can."));
        Assert.That(question.Points, Is.EqualTo(5));
        Assert.That(question.Grading, Is.EqualTo(QuestionGrading.Manual));
    }

    [Test]
    public void LikertType_WithoutLabels_IsTheFivePointAgreementScaleInTheQuizLanguage()
    {
        var english = QuizText.Question<LikertQuestion>("## The webinar was useful. {type=likert}\n", QuizKind.Survey);
        var spanish = QuizText.Question<LikertQuestion>("## El seminario fue útil. {type=likert}\n", QuizKind.Survey, "es");

        Assert.That(english.Labels, Is.EqualTo(new[] { "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree" }));
        Assert.That(spanish.Labels[0], Is.EqualTo("Totalmente en desacuerdo"));
        Assert.That(english.Points, Is.Zero);
    }

    [Test]
    public void LikertType_WithAListedScale_UsesThoseLabels_AndScaleSevenWithoutLabelsIsNumbered()
    {
        var listed = QuizText.Question<LikertQuestion>("""
            ## How was the pace? {type=likert}

            - Too slow
            - Right
            - Too fast
            """, QuizKind.Survey);
        var seven = QuizText.Question<LikertQuestion>("## Rate the speakers {type=likert scale=7}\n", QuizKind.Survey);

        Assert.That(listed.Labels, Is.EqualTo(new[] { "Too slow", "Right", "Too fast" }));
        Assert.That(seven.Labels, Is.EqualTo(new[] { "1", "2", "3", "4", "5", "6", "7" }));
    }

    [Test]
    public void SurveyChoiceWithMultipleType_IsAMultiSelectPoll()
    {
        var poll = QuizText.Question<PollQuestion>("""
            ## Which sessions did you attend? {type=multiple}

            - [ ] Monday
            - [ ] Tuesday
            """, QuizKind.Survey);

        Assert.That(poll.Multiple, Is.True);
        Assert.That(poll.Options.Select(o => o.Id), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void DescriptionType_HasNothingToAnswer()
    {
        var question = QuizText.Question<DescriptionQuestion>("## Part two: supervision {type=description}\n\nThe next questions are about supervision.\n");

        Assert.That(question.Grading, Is.EqualTo(QuestionGrading.None));
        Assert.That(question.Text, Does.EndWith("about supervision."));
    }

    [Test]
    public void TextBeforeTheFirstQuestion_IsTheIntroduction_AndALevelOneHeadingGivesTheTitleWhenFrontMatterHasNone()
    {
        var quiz = QuizText.Clean("""
            # Module 1 check

            Answer all questions; you may try twice.

            ## Is this a question?

            - [x] Yes
            - [ ] No
            """, "01-module-check.md");

        Assert.That(quiz.Title, Is.EqualTo("Module 1 check"));
        Assert.That(quiz.Introduction, Is.EqualTo("Answer all questions; you may try twice."));
        Assert.That(quiz.Id, Is.EqualTo("module-check"), "the id is derived from the file name like the pack loader does");
    }

    [Test]
    public void FencedGiftBlocks_AddTheirQuestionsInPlace()
    {
        var quiz = QuizText.Clean("""
            ---
            title: Mixed
            ---

            ## First in Markdown

            - [x] Yes
            - [ ] No

            ## GIFT questions

            ```gift
            ::second:: The ILO was founded in {#1919}.

            ::third:: Social dialogue matters. {T}
            ```

            ## Fourth in Markdown

            - [x] Yes
            - [ ] No
            """);

        Assert.That(quiz.Questions.Select(q => q.Id), Is.EqualTo(new[] { "first-in-markdown", "second", "third", "fourth-in-markdown" }));
        Assert.That(quiz.Questions[1], Is.TypeOf<NumericQuestion>());
    }

    [Test]
    public void WindowsLineEndings_ParseLikeUnixOnes()
    {
        var quiz = QuizText.Clean("---\r\ntitle: CRLF\r\n---\r\n\r\n## Works?\r\n\r\n- [x] Yes\r\n  > Good.\r\n- [ ] No\r\n");

        Assert.That(((ChoiceQuestion)quiz.Questions[0]).Options[0].Feedback, Is.EqualTo("Good."));
    }

    [Test]
    public void SeveralAnswerLines_InOneParagraph_AreSeveralAcceptedAnswers()
    {
        var question = QuizText.Question<ShortAnswerQuestion>("""
            ## In which city is the ILO?

            Answer: Geneva
            Answer: (50%) Switzerland
            """);

        Assert.That(question.Answers, Is.EqualTo(new[] { new AcceptedAnswer("Geneva"), new AcceptedAnswer("Switzerland", 50) }));
    }

    [Test]
    public void GiftBlockBetweenBodyParagraphs_NeverLeaksItsAnswersIntoTheText()
    {
        var quiz = QuizText.Clean("""
            ---
            title: Leak check
            ---

            Read carefully.

            ```gift
            ::secret-one:: Hidden? {=KEY-ONE ~no}
            ```

            Then answer.

            ## Visible question

            Some context.

            ```gift
            ::secret-two:: Hidden? {=KEY-TWO ~no}
            ```

            More context.

            - [x] Yes
            - [ ] No
            """);

        Assert.That(quiz.Introduction, Is.EqualTo("Read carefully.\n\nThen answer."));
        Assert.That(quiz.Find("visible-question")!.Text, Is.EqualTo("Visible question\n\nSome context.\n\nMore context."));
        Assert.That(quiz.Questions.Select(q => q.Id), Is.EqualTo(new[] { "secret-one", "visible-question", "secret-two" }));
    }

    [Test]
    public void ByteOrderMark_BeforeTheFrontMatter_IsIgnored()
    {
        var quiz = QuizText.Clean("\uFEFF---\ntitle: With BOM\n---\n\n## Q\n\n- [x] a\n- [ ] b\n");

        Assert.That(quiz.Title, Is.EqualTo("With BOM"));
    }
}
