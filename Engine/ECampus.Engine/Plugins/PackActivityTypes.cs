using ECampus.Content;

namespace ECampus.Engine.Plugins;

/// <summary>The activity types a pack may use: the built-in ones, joined or replaced by those of enabled plug-ins.</summary>
public static class PackActivityTypes
{
    /// <summary>Built-in types plus <paramref name="pluginTypes"/>; a plug-in's type replaces a built-in one of the same name.</summary>
    public static List<ActivityType> With(IEnumerable<Sdk.ActivityType> pluginTypes)
    {
        ArgumentNullException.ThrowIfNull(pluginTypes);
        var types = ActivityType.Defaults.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var type in pluginTypes)
        {
            types[type.Name] = new ActivityType(type.Name, type.Folder, type.Check is { } check ? activity => Checked(check, activity) : null);
        }

        return [.. types.Values];
    }

    // The plug-in sees the file as the SDK describes it; its problems join the pack's diagnostics, positioned in that file.
    private static IEnumerable<Diagnostic> Checked(Func<Sdk.ActivityFile, IEnumerable<Sdk.ActivityProblem>> check, PackActivity activity) =>
        check(new Sdk.ActivityFile(activity.Id, activity.Type, activity.Title, activity.SourceFile, activity.Format, activity.Text))
            .Select(problem => new Diagnostic(
                problem.IsError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                problem.Code, activity.SourceFile, Math.Max(1, problem.Line), Math.Max(1, problem.Column), problem.Message, problem.Hint))
            .ToList();
}
