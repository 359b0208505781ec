using YamlDotNet.RepresentationModel;

namespace ECampus.Content.Loading;

/// <summary>
/// Reads an activity file. Only <c>id</c>, <c>type</c> and <c>title</c> are the format's; every other
/// front-matter key is passed through untouched to the plug-in that owns the type.
/// </summary>
internal static class ActivityReader
{
    /// <summary>Plug-in front matter is converted to plain values; this caps the work YAML aliases could multiply.</summary>
    private const int MaxFrontMatterNodes = 10_000;

    public static (PackActivity Activity, Located<string> Id)? Read(string file, string text, string defaultType,
        IReadOnlyCollection<string> knownTypes, MarkdownInspector inspector, DiagnosticBag diagnostics)
    {
        if (file.EndsWith(".gift", StringComparison.OrdinalIgnoreCase))
        {
            return ReadGift(file, text, diagnostics);
        }

        var split = FrontMatter.Split(text, file, diagnostics);
        if (split is null)
        {
            return null;
        }

        inspector.InspectActivity(file, split.Body, split.BodyFirstLine);
        if (split.Yaml is null)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatter, new SourcePoint(file, 1, 1), "The activity has no front matter.",
                "Start the file with '---', a 'title: ...' line and '---'.");
            return null;
        }

        var mapping = YamlText.ParseMapping(split.Yaml, file, split.YamlFirstLine, diagnostics, out var failed);
        if (failed)
        {
            return null;
        }

        mapping ??= new YamlMappingNode();
        var fields = YamlFields.Open(mapping, file, split.YamlFirstLine, "", knownKeys: null, diagnostics);
        var id = ModuleReader.ReadId(fields, file, diagnostics);
        var title = fields.String("title", required: true, example: "Final quiz");
        var type = fields.String("type") ?? defaultType;
        if (!knownTypes.Contains(type))
        {
            diagnostics.Error(DiagnosticCodes.UnknownActivityType, fields.AtValue("type"), $"Unknown activity type '{type}'.",
                Suggest.DidYouMean(type, knownTypes) ?? $"Installed types: {string.Join(", ", knownTypes.Order(StringComparer.Ordinal))}.");
            return null;
        }

        var plain = PlainFrontMatter(mapping, file, split.YamlFirstLine, diagnostics);
        if (plain is null)
        {
            return null;
        }

        if (id is null || title is null)
        {
            return null;
        }

        var activity = new PackActivity
        {
            Id = id.Value.Value,
            Type = type,
            Title = title,
            SourceFile = file,
            Format = "markdown",
            FrontMatterYaml = split.Yaml,
            FrontMatterLine = split.YamlFirstLine,
            FrontMatter = plain,
            Body = split.Body,
            BodyLine = split.BodyFirstLine,
            Text = text,
        };
        return (activity, id.Value);
    }

    private static (PackActivity, Located<string>)? ReadGift(string file, string text, DiagnosticBag diagnostics)
    {
        var id = PackFiles.DeriveId(file[(file.LastIndexOf('/') + 1)..]);
        if (!PackFiles.IsValidId(id))
        {
            diagnostics.Error(DiagnosticCodes.InvalidId, SourcePoint.WholeFile(file), $"No id can be derived from the file name of '{file}'.",
                "Rename the file using lower-case letters, digits and dashes.");
            return null;
        }

        var activity = new PackActivity
        {
            Id = id,
            Type = ActivityType.Quiz.Name,
            Title = id,
            SourceFile = file,
            Format = "gift",
            FrontMatterYaml = "",
            FrontMatterLine = 0,
            FrontMatter = new Dictionary<string, object?>(),
            Body = text,
            BodyLine = 1,
            Text = text,
        };
        return (activity, new Located<string>(id, new SourcePoint(file, 1, 1)));
    }

    /// <summary>The front matter as plain values, or null (reported) when aliases blow it up past the cap.</summary>
    internal static IReadOnlyDictionary<string, object?>? PlainFrontMatter(YamlMappingNode mapping, string file, int line, DiagnosticBag diagnostics)
    {
        var budget = MaxFrontMatterNodes;
        var plain = ToPlain(mapping, ref budget) as IReadOnlyDictionary<string, object?>;
        if (budget >= 0 && plain is not null)
        {
            return plain;
        }

        diagnostics.Error(DiagnosticCodes.TooComplex, new SourcePoint(file, line, 1),
            $"The front matter expands to more than {MaxFrontMatterNodes:N0} values.", "Avoid YAML aliases that repeat large parts.");
        return null;
    }

    private static object? ToPlain(YamlNode node, ref int budget)
    {
        if (--budget < 0)
        {
            return null;
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return scalar.Value;
            case YamlSequenceNode sequence:
                var list = new List<object?>(sequence.Children.Count);
                foreach (var child in sequence.Children)
                {
                    list.Add(ToPlain(child, ref budget));
                }

                return list.AsReadOnly();
            case YamlMappingNode mapping:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Children)
                {
                    map[(key as YamlScalarNode)?.Value ?? ""] = ToPlain(value, ref budget);
                }

                return map.AsReadOnly();
            default:
                return null;
        }
    }
}
