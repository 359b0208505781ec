using YamlDotNet.RepresentationModel;

namespace ECampus.Content.Loading;

/// <summary>
/// Reads translated module and activity files. A translation mirrors the original's file name; it may set
/// its own title and body (and, for activities, the plug-in's front matter), but ids, weeks, effort and
/// unlock rules come from the original so every language shares one identity and one schedule.
/// </summary>
internal static class TranslationReader
{
    public static LocalizedText? ReadModule(string language, string file, string text, ModuleDraft original,
        MarkdownInspector inspector, List<(string File, ActivityRef Ref)> refs, DiagnosticBag diagnostics)
    {
        var split = FrontMatter.Split(text, file, diagnostics);
        if (split is null)
        {
            return null;
        }

        refs.AddRange(inspector.InspectModule(file, split.Body, split.BodyFirstLine).Select(r => (file, r)));
        var title = original.Title;
        if (split.Yaml is not null)
        {
            var mapping = YamlText.ParseMapping(split.Yaml, file, split.YamlFirstLine, diagnostics, out var failed);
            if (failed)
            {
                return null;
            }

            var fields = YamlFields.Open(mapping ?? new YamlMappingNode(), file, split.YamlFirstLine, "", knownKeys: null, diagnostics);
            ReportUntranslatable(fields, ModuleReader.TranslatableKeys, ModuleReader.Keys, original.SourceFile, diagnostics);
            title = fields.String("title") ?? title;
        }

        return new LocalizedText(language, title, split.Body, file, split.BodyFirstLine);
    }

    public static PackActivity? ReadActivity(string file, string text, PackActivity original,
        MarkdownInspector inspector, DiagnosticBag diagnostics)
    {
        if (original.Format == "gift")
        {
            return original with { SourceFile = file, Body = text };
        }

        var split = FrontMatter.Split(text, file, diagnostics);
        if (split is null)
        {
            return null;
        }

        inspector.InspectActivity(file, split.Body, split.BodyFirstLine);
        var title = original.Title;
        IReadOnlyDictionary<string, object?> plain = new Dictionary<string, object?>();
        if (split.Yaml is not null)
        {
            var mapping = YamlText.ParseMapping(split.Yaml, file, split.YamlFirstLine, diagnostics, out var failed);
            if (failed)
            {
                return null;
            }

            var fields = YamlFields.Open(mapping ?? new YamlMappingNode(), file, split.YamlFirstLine, "", knownKeys: null, diagnostics);
            foreach (var key in new[] { "id", "type" })
            {
                var value = fields.String(key);
                var expected = key == "id" ? original.Id : original.Type;
                if (value is not null && value != expected)
                {
                    diagnostics.Warning(DiagnosticCodes.IgnoredInTranslation, fields.AtValue(key),
                        $"'{key}: {value}' is ignored; a translation keeps the {key} of {original.SourceFile} ('{expected}').",
                        $"Remove '{key}' from the translation.");
                }
            }

            title = fields.String("title") ?? title;
            if (ActivityReader.PlainFrontMatter(mapping ?? new YamlMappingNode(), file, split.YamlFirstLine, diagnostics) is not { } translated)
            {
                return null;
            }

            plain = translated;
        }

        return original with
        {
            Title = title,
            SourceFile = file,
            FrontMatterYaml = split.Yaml ?? "",
            FrontMatterLine = split.YamlFirstLine,
            FrontMatter = plain,
            Body = split.Body,
            BodyLine = split.BodyFirstLine,
        };
    }

    private static void ReportUntranslatable(YamlFields fields, IReadOnlyCollection<string> translatable,
        IReadOnlyCollection<string> known, string original, DiagnosticBag diagnostics)
    {
        foreach (var key in fields.Keys.Where(k => !translatable.Contains(k)))
        {
            if (known.Contains(key))
            {
                diagnostics.Warning(DiagnosticCodes.IgnoredInTranslation, fields.AtKey(key),
                    $"'{key}' is ignored in a translation; the value in {original} applies to every language.",
                    $"Remove '{key}' from the translation.");
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.UnknownKey, fields.AtKey(key), $"Unknown key '{key}'.",
                    Suggest.DidYouMean(key, known) ?? $"A translated module may set: {string.Join(", ", translatable)}.");
            }
        }
    }
}
