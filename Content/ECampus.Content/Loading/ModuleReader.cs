namespace ECampus.Content.Loading;

/// <summary>Reads a module file: front matter (id, title, week, effort, unlock, opens, requires) and body.</summary>
internal static class ModuleReader
{
    public static readonly string[] Keys = ["id", "title", "week", "effort", "unlock", "opens", "requires"];

    public static readonly string[] TranslatableKeys = ["title"];

    private static readonly IReadOnlyDictionary<string, UnlockKind> UnlockKinds = new Dictionary<string, UnlockKind>
    {
        ["always"] = UnlockKind.Always,
        ["after-previous"] = UnlockKind.AfterPrevious,
        ["on-date"] = UnlockKind.OnDate,
    };

    /// <summary>The module, or null when it has errors that leave no usable module (they are reported).</summary>
    public static ModuleDraft? Read(string file, string text, MarkdownInspector inspector, DiagnosticBag diagnostics)
    {
        var split = FrontMatter.Split(text, file, diagnostics);
        if (split is null)
        {
            return null;
        }

        var activities = inspector.InspectModule(file, split.Body, split.BodyFirstLine);
        if (split.Yaml is null)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatter, new SourcePoint(file, 1, 1), "The module has no front matter.",
                "Start the file with '---', then 'title: ...' and 'effort: 30m' lines, then '---'.");
            return null;
        }

        var mapping = YamlText.ParseMapping(split.Yaml, file, split.YamlFirstLine, diagnostics, out var failed);
        if (failed)
        {
            return null;
        }

        var fields = YamlFields.Open(mapping ?? new YamlDotNet.RepresentationModel.YamlMappingNode(), file, split.YamlFirstLine, "", Keys, diagnostics);
        var id = ReadId(fields, file, diagnostics);
        var title = fields.String("title", required: true, example: "Introduction");
        var week = fields.Int("week", 1, 104);
        var effort = fields.Duration("effort", required: true);
        var unlock = fields.Choice("unlock", UnlockKinds);
        var opens = fields.Date("opens");
        var requires = fields.StringList("requires") ?? [];

        if (opens is not null && unlock is { } kind && kind != UnlockKind.OnDate)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, fields.AtKey("opens"), "'opens' only applies to 'unlock: on-date'.",
                "Set 'unlock: on-date' or remove 'opens'.");
        }

        if (id is null || title is null || effort is null)
        {
            return null;
        }

        return new ModuleDraft
        {
            Id = id.Value,
            Title = title,
            Week = week,
            WeekAt = fields.AtValue("week"),
            EffortMinutes = effort.Value,
            Unlock = unlock ?? (opens is null ? UnlockKind.Always : UnlockKind.OnDate),
            UnlockAt = fields.Has("unlock") ? fields.AtValue("unlock") : fields.Has("opens") ? fields.AtValue("opens") : fields.Start,
            Opens = opens,
            OpensWritten = fields.Has("opens"),
            Requires = requires,
            SourceFile = file,
            Markdown = split.Body,
            BodyLine = split.BodyFirstLine,
            Activities = activities,
        };
    }

    /// <summary>The id from front matter, else from the file name; reported when invalid.</summary>
    internal static Located<string>? ReadId(YamlFields fields, string file, DiagnosticBag diagnostics)
    {
        if (fields.LocatedString("id") is { } given)
        {
            if (PackFiles.IsValidId(given.Value))
            {
                return given;
            }

            diagnostics.Error(DiagnosticCodes.InvalidId, given.At, $"The id '{given.Value}' is not valid.",
                "Use lower-case letters, digits and dashes, e.g. 'week-1'.");
            return null;
        }

        var name = file[(file.LastIndexOf('/') + 1)..];
        var derived = PackFiles.DeriveId(name);
        if (PackFiles.IsValidId(derived))
        {
            return new Located<string>(derived, new SourcePoint(file, 1, 1));
        }

        diagnostics.Error(DiagnosticCodes.InvalidId, new SourcePoint(file, 1, 1), $"No id can be derived from the file name '{name}'.",
            "Add 'id: ...' (lower-case letters, digits and dashes) to the front matter, or rename the file.");
        return null;
    }
}
