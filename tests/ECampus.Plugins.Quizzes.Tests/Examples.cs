namespace ECampus.Plugins.Quizzes.Tests;

/// <summary>Quizzes used by several test classes.</summary>
internal static class Examples
{
    /// <summary>Every question type GIFT can express, written in Markdown.</summary>
    public const string GiftExpressible = """
        ---
        title: Everything GIFT can say
        ---

        ## Which organisation adopted the Decent Work Agenda? {#agenda}

        It was adopted in **1999**.

        - [x] ILO
          > Correct: the ILO launched it.
        - [ ] UNESCO
          > No: UNESCO works on education.
        - [ ] WTO

        > The agenda has four pillars.

        ## Which are core labour standards? {#core}

        - [x] Freedom of association
        - [x] Abolition of forced labour
        - [x] Non-discrimination
        - [ ] (-50%) A minimum wage
        - [ ] Paid leave

        ## Name a constituent {#constituent type=single}

        - [x] Governments
        - [x] Workers
        - [ ] Banks

        ## Social dialogue is a pillar of decent work. {#dialogue type=true-false}

        - [x] True
          > Right.
        - [ ] False
          > It is one of the four pillars.

        ## In which city is the ILO? {#city}

        Answers:

        - Geneva
        - (50%) Switzerland
          > Which city?
        - *
          > It is in Geneva.

        ## When was the ILO founded? {#founded}

        Answers:

        - 1919
          > Exactly.
        - (50%) 1919 ± 2
        - (25%) 1900..1940
        - *
          > Think of the end of the First World War.

        ## What is pi to two places? {#pi}

        Answer: 3.14 ± 0.005

        ## Match each convention to its topic {#conventions type=matching}

        - C138 → minimum age
        - C182 → worst forms of child labour
        - C111 → discrimination

        ## Describe a decent-work deficit: use `#`, `{`, `}`, `=`, `~` and `:` freely {#deficit type=essay}

        Write 200 words.

        ## Part two {#part-two type=description}

        The next questions are harder.
        """;

    /// <summary>Every question type GIFT cannot express.</summary>
    public const string NotGiftExpressible = """
        ---
        title: Survey
        kind: survey
        ---

        ## Put the stages in order {#stages type=ordering}

        1. Agenda setting
        2. Decision
        3. Evaluation

        ## The webinar was useful {#useful type=likert}

        ## How did you hear of it? {#heard}

        - [ ] Newsletter
        - [ ] Colleague

        ## What should we improve? {#improve}
        """;
}
