using System.Globalization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// The weight of each option of a choice question. Single choice: a ticked option is worth 100%, others 0%.
/// Multiple choice: ticked options without a weight share what the weighted ones leave of 100%; options not
/// ticked share -100% unless one of them carries a weight, in which case the others count 0%.
/// </summary>
internal static class ChoiceWeights
{
    /// <summary>The weights in option order, or null when a problem was reported.</summary>
    public static decimal[]? Resolve(IReadOnlyList<ListEntry> options, bool multiple, SourcePosition questionAt, ProblemList problems)
    {
        var contradicting = false;
        foreach (var option in options.Where(o => o.Weight is not null))
        {
            if (option.Checked == true && option.Weight <= 0)
            {
                problems.Error(option.At, QuizProblemCodes.BadWeight, $"A ticked option cannot count {Percent(option.Weight!.Value)}.",
                    "Tick only options that earn credit; write penalties on options marked '[ ]'.");
                contradicting = true;
            }
            else if (option.Checked == false && option.Weight > 0)
            {
                problems.Error(option.At, QuizProblemCodes.BadWeight, $"An option that is not ticked cannot earn {Percent(option.Weight!.Value)}.",
                    "Tick it ('- [x] (50%) ...') or remove the weight.");
                contradicting = true;
            }
        }

        if (contradicting)
        {
            return null;
        }

        return multiple ? MultipleChoice(options, questionAt, problems) : SingleChoice(options, questionAt, problems);
    }

    private static decimal[]? SingleChoice(IReadOnlyList<ListEntry> options, SourcePosition questionAt, ProblemList problems)
    {
        var weights = options.Select(o => o.Weight ?? (o.Checked == true ? 100m : 0m)).ToArray();
        if (weights.Contains(100m))
        {
            return weights;
        }

        problems.Error(questionAt, QuizProblemCodes.NoCorrectOption, "No option is worth the full points.",
            "Tick the right option without a weight ('- [x] ...'), or give one option (100%).");
        return null;
    }

    private static decimal[]? MultipleChoice(IReadOnlyList<ListEntry> options, SourcePosition questionAt, ProblemList problems)
    {
        var weightedCorrect = options.Where(o => o.Checked == true && o.Weight is not null).Sum(o => o.Weight!.Value);
        var unweightedCorrect = options.Count(o => o.Checked == true && o.Weight is null);
        var share = unweightedCorrect > 0 ? Decimals.Normalise((100 - weightedCorrect) / unweightedCorrect) : 0;
        if (unweightedCorrect > 0 && share <= 0)
        {
            problems.Error(questionAt, QuizProblemCodes.WeightsDoNotAddUp,
                $"The weighted correct options already count {Percent(weightedCorrect)}, leaving nothing for the other ticked options.",
                "Lower the weights so that all correct options together count 100%.");
            return null;
        }

        var unweightedWrong = options.Count(o => o.Checked == false && o.Weight is null);
        var penalty = options.Any(o => o.Checked == false && o.Weight is not null) || unweightedWrong == 0
            ? 0
            : Decimals.Normalise(-100m / unweightedWrong);
        var weights = options.Select(o => o.Weight ?? (o.Checked == true ? share : penalty)).ToArray();
        var total = weights.Where(w => w > 0).Sum();
        if (Decimals.NearlyEqual(total, 100))
        {
            return weights;
        }

        problems.Error(questionAt, QuizProblemCodes.WeightsDoNotAddUp, $"The correct options count {Percent(total)} together, not 100%.",
            "Change the weights of the ticked options so that they add up to 100%.");
        return null;
    }

    private static string Percent(decimal weight) => weight.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
