using System.Globalization;
using System.Text;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// Writes a quiz as Moodle GIFT: single and multiple choice, true/false, short answer, numeric, matching, essay
/// and descriptions. Ordering and survey questions have no GIFT form and are listed as skipped.
/// </summary>
public static class GiftExporter
{
    /// <summary>Exports <paramref name="quiz"/>; reading the text back gives the same questions for the types GIFT can hold.</summary>
    public static GiftExport Export(Quiz quiz)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        var text = new StringBuilder();
        var skipped = new List<SkippedQuestion>();
        var notes = new List<ExportNote>();
        text.Append("// ").Append(quiz.Title.ReplaceLineEndings(" ")).Append('\n');
        text.Append("// Exported from ECampus quiz '").Append(quiz.Id).Append("'\n\n");
        if (SettingsLost(quiz.Settings))
        {
            notes.Add(new ExportNote(null, "Quiz settings (attempts, time limit, pass mark, dates, shuffling, review) are not part of GIFT; set them in Moodle's quiz."));
        }

        string? category = null;
        foreach (var question in quiz.Questions)
        {
            if (SkipReason(question) is { } reason)
            {
                skipped.Add(new SkippedQuestion(question.Id, question.Type, reason));
                continue;
            }

            if (question.Category != category && question.Category is not null)
            {
                text.Append("$CATEGORY: ").Append(question.Category).Append("\n\n");
            }

            category = question.Category ?? category;
            Note(question, notes);
            text.Append("// [id:").Append(question.Id).Append("]\n");
            text.Append("::").Append(question.Id).Append("::").Append(FormatTag(question.Format)).Append(GiftText.Escape(question.Text));
            text.Append(Block(question)).Append("\n\n");
        }

        return new GiftExport(text.ToString().TrimEnd() + "\n", skipped, notes);
    }

    private static string? SkipReason(Question question) => question switch
    {
        OrderingQuestion => "GIFT has no ordering questions.",
        LikertQuestion => "GIFT has no rating scales (use Moodle's Feedback or Questionnaire activity).",
        PollQuestion => "GIFT choices need a right answer; a poll has none (use Moodle's Feedback or Choice activity).",
        FreeTextQuestion => "A survey's free text is not graded; GIFT's essay would be (use Moodle's Feedback activity).",
        _ => null,
    };

    private static string Block(Question question) => question switch
    {
        ChoiceQuestion choice => Lines(ChoiceAnswers(choice), question.Feedback),
        TrueFalseQuestion trueFalse => " {" + TrueFalse(trueFalse) + GeneralFeedback(question.Feedback) + "}",
        ShortAnswerQuestion shortAnswer => Lines(ShortAnswers(shortAnswer), question.Feedback),
        NumericQuestion numeric => Numeric(numeric),
        MatchingQuestion matching => Lines(matching.Pairs.Select(p => "=" + GiftText.Escape(p.Prompt) + " -> " + GiftText.Escape(p.Match)), question.Feedback),
        EssayQuestion => " {" + GeneralFeedback(question.Feedback) + "}",
        _ => "",
    };

    private static IEnumerable<string> ChoiceAnswers(ChoiceQuestion choice)
    {
        var wroteEquals = false;
        foreach (var option in choice.Options)
        {
            string marker;
            if (!choice.Multiple && option.Weight == 100 && !wroteEquals)
            {
                (marker, wroteEquals) = ("=", true);
            }
            else
            {
                // '=' would make a multiple-answer question single-answer, and a second '=' would leave no '~' to mark a choice.
                marker = "~" + Weight(option.Weight, 0);
            }

            yield return marker + GiftText.Escape(option.Text) + Feedback(option.Feedback);
        }
    }

    private static IEnumerable<string> ShortAnswers(ShortAnswerQuestion question)
    {
        foreach (var answer in question.Answers)
        {
            yield return "=" + Weight(answer.Weight, 100) + GiftText.Escape(answer.Text) + Feedback(answer.Feedback);
        }

        if (question.OtherwiseFeedback is { } otherwise)
        {
            yield return "=%0%*" + Feedback(otherwise);
        }
    }

    private static string TrueFalse(TrueFalseQuestion question)
    {
        var (ifWrong, ifRight) = question.Answer
            ? (question.FeedbackIfFalse, question.FeedbackIfTrue)
            : (question.FeedbackIfTrue, question.FeedbackIfFalse);
        var value = question.Answer ? "TRUE" : "FALSE";
        return ifWrong is null && ifRight is null
            ? value
            : value + "#" + GiftText.Escape(ifWrong ?? "") + "#" + GiftText.Escape(ifRight ?? "");
    }

    private static string Numeric(NumericQuestion question)
    {
        var single = question.Answers is [{ Weight: 100 } only] && question.OtherwiseFeedback is null;
        if (single)
        {
            var answer = question.Answers[0];
            return " {#" + Range(answer) + Feedback(answer.Feedback) + GeneralFeedback(question.Feedback) + "}";
        }

        var lines = question.Answers.Select(a => "=" + Weight(a.Weight, 100) + Range(a) + Feedback(a.Feedback)).ToList();
        if (question.OtherwiseFeedback is { } otherwise)
        {
            lines.Add("~" + Feedback(otherwise));
        }

        return " {#\n" + string.Join("\n", lines) + GeneralFeedbackLine(question.Feedback) + "\n}";
    }

    private static string Range(NumericRange range)
    {
        var value = Decimals.Normalise((range.Min + range.Max) / 2);
        var tolerance = Decimals.Normalise((range.Max - range.Min) / 2);
        return tolerance == 0 ? Number(value) : Number(value) + ":" + Number(tolerance);
    }

    private static string Lines(IEnumerable<string> answers, string? generalFeedback) =>
        " {\n" + string.Join("\n", answers) + GeneralFeedbackLine(generalFeedback) + "\n}";

    private static string GeneralFeedbackLine(string? feedback) => feedback is null ? "" : "\n" + GeneralFeedback(feedback);

    private static string GeneralFeedback(string? feedback) => feedback is null ? "" : "####" + GiftText.Escape(feedback);

    private static string Feedback(string? feedback) => feedback is null ? "" : " #" + GiftText.Escape(feedback);

    private static string Weight(decimal weight, decimal implied) => weight == implied ? "" : "%" + Number(weight) + "%";

    private static string Number(decimal value) => Decimals.Normalise(value).ToString(CultureInfo.InvariantCulture);

    private static string FormatTag(TextFormat format) => format switch
    {
        TextFormat.Markdown => "[markdown]",
        TextFormat.Html => "[html]",
        TextFormat.Plain => "[plain]",
        _ => "",
    };

    private static bool SettingsLost(QuizSettings settings) =>
        settings.Attempts is not null || settings.TimeLimit is not null || settings.PassMark is not null || settings.Opens is not null
        || settings.Closes is not null || settings.ShuffleQuestions || settings.ShuffleOptions;

    private static void Note(Question question, List<ExportNote> notes)
    {
        if (question.Points != 1 && question.Grading != QuestionGrading.None)
        {
            notes.Add(new ExportNote(question.Id, $"Worth {Number(question.Points)} points; GIFT has no points, so Moodle uses its default mark."));
        }

        switch (question)
        {
            case ShortAnswerQuestion { CaseSensitive: true }:
                notes.Add(new ExportNote(question.Id, "Case-sensitive; GIFT short answers are case-insensitive, set it in Moodle."));
                break;
            case ChoiceQuestion choice when choice.Options.Where((o, i) => o.Id != QuestionIds.Letter(i)).Any():
                notes.Add(new ExportNote(question.Id, "Explicit option ids are not part of GIFT; read back, options are lettered a, b, c..."));
                break;
            case DescriptionQuestion { Feedback: not null }:
                notes.Add(new ExportNote(question.Id, "A description's feedback has no place in GIFT and is left out."));
                break;
            case MatchingQuestion matching when matching.Pairs.Any(p => p.Prompt.Contains("->", StringComparison.Ordinal)):
                notes.Add(new ExportNote(question.Id, "A prompt contains '->', which GIFT cannot escape; check the pairs after import."));
                break;
        }
    }
}
