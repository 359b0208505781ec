using System.Globalization;
using System.Text;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;
using Microsoft.AspNetCore.Http;
using static ECampus.Plugins.Quizzes.Web.Html;

namespace ECampus.Plugins.Quizzes.Web;

/// <summary>Questions as plain HTML form fields (no script needed), and posted fields read back into answers.</summary>
internal static class AttemptForm
{
    public static string Field(string questionId) => "q." + questionId;

    public static string Field(string questionId, string partId) => $"q.{questionId}.{partId}";

    public static string Render(QuestionView question, Answer? saved, int number, IReadOnlyList<string>? errors)
    {
        var html = new StringBuilder();
        var legend = $"<legend>Question {number}{(question.Points > 0 ? $" <span class=\"hint\">({Number(question.Points)} {(question.Points == 1 ? "point" : "points")})</span>" : "")}</legend>";
        html.Append(CultureInfo.InvariantCulture, $"<fieldset id=\"question-{Id(question.Id)}\">{legend}{question.Html ?? Text(question.Text)}");
        foreach (var error in errors ?? [])
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"notice error\" role=\"alert\">{E(error)}</p>");
        }

        var name = E(Field(question.Id));
        var inputId = "in-" + Id(question.Id);
        switch (question.Type)
        {
            case QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.TrueFalse or QuestionType.Poll:
                var chosen = (saved as ChoiceAnswer)?.OptionIds ?? [];
                var type = question.AllowsSeveral ? "checkbox" : "radio";
                foreach (var (option, i) in question.Options.Select((o, i) => (o, i)))
                {
                    var id = $"{inputId}-{i}";
                    html.Append(CultureInfo.InvariantCulture,
                        $"<div><input type=\"{type}\" id=\"{id}\" name=\"{name}\" value=\"{E(option.Id)}\"{(chosen.Contains(option.Id) ? " checked" : "")}> <label for=\"{id}\">{Label(option)}</label></div>");
                }

                break;
            case QuestionType.Likert:
                var point = (saved as ScaleAnswer)?.Value.ToString(CultureInfo.InvariantCulture);
                foreach (var (option, i) in question.Options.Select((o, i) => (o, i)))
                {
                    var id = $"{inputId}-{i}";
                    html.Append(CultureInfo.InvariantCulture,
                        $"<div><input type=\"radio\" id=\"{id}\" name=\"{name}\" value=\"{E(option.Id)}\"{(point == option.Id ? " checked" : "")}> <label for=\"{id}\">{Label(option)}</label></div>");
                }

                break;
            case QuestionType.ShortAnswer or QuestionType.Numeric:
                html.Append(CultureInfo.InvariantCulture,
                    $"<label for=\"{inputId}\">Your answer</label> <input type=\"text\" id=\"{inputId}\" name=\"{name}\" value=\"{E(TextOf(saved))}\"{(question.Type == QuestionType.Numeric ? " inputmode=\"decimal\"" : "")}>");
                break;
            case QuestionType.Essay or QuestionType.FreeText:
                html.Append(CultureInfo.InvariantCulture, $"<label for=\"{inputId}\">Your answer</label><textarea id=\"{inputId}\" name=\"{name}\" rows=\"5\">{E(TextOf(saved))}</textarea>");
                break;
            case QuestionType.Matching:
                var matches = (saved as MatchingAnswer)?.Matches ?? new Dictionary<string, string>();
                foreach (var (prompt, i) in question.Prompts.Select((p, i) => (p, i)))
                {
                    var id = $"{inputId}-{i}";
                    html.Append(CultureInfo.InvariantCulture, $"<div><label for=\"{id}\">{Label(prompt)}</label> <select id=\"{id}\" name=\"{E(Field(question.Id, prompt.Id))}\"><option value=\"\">Choose…</option>");
                    foreach (var option in question.Options)
                    {
                        html.Append(CultureInfo.InvariantCulture,
                            $"<option value=\"{E(option.Id)}\"{(matches.GetValueOrDefault(prompt.Id) == option.Id ? " selected" : "")}>{E(option.Text)}</option>");
                    }

                    html.Append("</select></div>");
                }

                break;
            case QuestionType.Ordering:
                var order = (saved as OrderingAnswer)?.ItemIds ?? [];
                html.Append("<p class=\"hint\">Number the items from 1 (first).</p>");
                foreach (var (item, i) in question.Options.Select((o, i) => (o, i)))
                {
                    var id = $"{inputId}-{i}";
                    var position = order.ToList().IndexOf(item.Id) is var p and >= 0 ? (p + 1).ToString(CultureInfo.InvariantCulture) : "";
                    html.Append(CultureInfo.InvariantCulture,
                        $"<div><input type=\"number\" min=\"1\" max=\"{question.Options.Count}\" id=\"{id}\" name=\"{E(Field(question.Id, item.Id))}\" value=\"{position}\" class=\"position\"> <label for=\"{id}\">{Label(item)}</label></div>");
                }

                break;
        }

        html.Append("</fieldset>");
        return html.ToString();
    }

    /// <summary>The answer a form posted for a question; null for questions that take none (descriptions).</summary>
    public static Answer? Read(QuestionView question, IFormCollection form, out string? problem)
    {
        problem = null;
        var values = form[Field(question.Id)];
        switch (question.Type)
        {
            case QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.TrueFalse or QuestionType.Poll:
                return new ChoiceAnswer(values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToArray());
            case QuestionType.Likert:
                if (string.IsNullOrEmpty(values.ToString()))
                {
                    return null;
                }

                if (!int.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var point))
                {
                    problem = "Choose a point on the scale.";
                    return null;
                }

                return new ScaleAnswer(point);
            case QuestionType.ShortAnswer or QuestionType.Numeric or QuestionType.Essay or QuestionType.FreeText:
                return new TextAnswer(values.ToString());
            case QuestionType.Matching:
                return new MatchingAnswer(question.Prompts
                    .Select(p => (p.Id, Choice: form[Field(question.Id, p.Id)].ToString()))
                    .Where(m => m.Choice.Length > 0)
                    .ToDictionary(m => m.Id, m => m.Choice, StringComparer.Ordinal));
            case QuestionType.Ordering:
                var positions = question.Options.Select(o => (o.Id, Text: form[Field(question.Id, o.Id)].ToString())).ToList();
                if (positions.All(p => p.Text.Length == 0))
                {
                    return new OrderingAnswer([]);
                }

                if (positions.Any(p => !int.TryParse(p.Text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    || positions.Select(p => p.Text).Distinct().Count() != positions.Count)
                {
                    problem = $"Number every item once, from 1 to {positions.Count}.";
                    return null;
                }

                return new OrderingAnswer(positions.OrderBy(p => int.Parse(p.Text, CultureInfo.InvariantCulture)).Select(p => p.Id).ToArray());
            default:
                return null;
        }
    }

    /// <summary>An option's rendered text (inline HTML, sanitised by the site), else its text encoded.</summary>
    private static string Label(ViewOption option) => option.Html ?? E(option.Text);

    private static string TextOf(Answer? answer) => answer switch
    {
        TextAnswer text => text.Text,
        NumberAnswer number => number.Value.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };
}
