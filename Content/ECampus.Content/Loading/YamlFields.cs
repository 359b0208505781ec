using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ECampus.Content.Loading;

/// <summary>
/// Typed, position-aware access to one YAML mapping. Every read reports its own problem
/// (missing, wrong type, bad date...) and returns null, so the loader keeps going and reports everything.
/// Unknown keys are reported when the mapping is opened.
/// </summary>
internal sealed partial class YamlFields
{
    private readonly YamlMappingNode node;
    private readonly Dictionary<string, KeyValuePair<YamlNode, YamlNode>> entries = new(StringComparer.Ordinal);

    private YamlFields(YamlMappingNode node, string file, int firstLine, string path, DiagnosticBag diagnostics)
    {
        this.node = node;
        File = file;
        FirstLine = firstLine;
        Path = path;
        Diagnostics = diagnostics;
    }

    public string File { get; }

    public int FirstLine { get; }

    /// <summary>Dotted path of this mapping, e.g. "certificate.thresholds", used in messages.</summary>
    public string Path { get; }

    public DiagnosticBag Diagnostics { get; }

    public SourcePoint Start => At(node);

    /// <summary>Opens a mapping; keys outside <paramref name="knownKeys"/> are reported (unless null: any key allowed).</summary>
    public static YamlFields Open(YamlMappingNode node, string file, int firstLine, string path,
        IReadOnlyCollection<string>? knownKeys, DiagnosticBag diagnostics)
    {
        var fields = new YamlFields(node, file, firstLine, path, diagnostics);
        foreach (var entry in node.Children)
        {
            if (entry.Key is not YamlScalarNode { Value: { } key })
            {
                diagnostics.Error(DiagnosticCodes.WrongType, fields.At(entry.Key), "A key must be plain text.");
                continue;
            }

            if (knownKeys is not null && !knownKeys.Contains(key))
            {
                var where = path.Length == 0 ? "" : $" in '{path}'";
                diagnostics.Error(DiagnosticCodes.UnknownKey, fields.At(entry.Key), $"Unknown key '{key}'{where}.",
                    Suggest.DidYouMean(key, knownKeys) ?? $"Known keys{where}: {string.Join(", ", knownKeys)}.");
                continue;
            }

            fields.entries[key] = entry;
        }

        return fields;
    }

    public IEnumerable<string> Keys => entries.Keys;

    public bool Has(string key) => entries.TryGetValue(key, out var entry) && !IsNull(entry.Value);

    public SourcePoint At(YamlNode yamlNode) =>
        new(File, (int)yamlNode.Start.Line + FirstLine - 1, (int)yamlNode.Start.Column);

    /// <summary>Position of the value of <paramref name="key"/>, or of the mapping when the key is absent.</summary>
    public SourcePoint AtValue(string key) => entries.TryGetValue(key, out var entry) ? At(entry.Value) : Start;

    /// <summary>Position of the key itself.</summary>
    public SourcePoint AtKey(string key) => entries.TryGetValue(key, out var entry) ? At(entry.Key) : Start;

    public YamlNode? Raw(string key) => entries.TryGetValue(key, out var entry) && !IsNull(entry.Value) ? entry.Value : null;

    /// <param name="key">The key.</param>
    /// <param name="required">Report when missing.</param>
    /// <param name="example">A sample value for the "add this line" hint.</param>
    public string? String(string key, bool required = false, string? example = null)
    {
        var value = Value(key, required, example);
        if (value is null)
        {
            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            var text = scalar.Value?.Trim();
            if (string.IsNullOrEmpty(text) && required)
            {
                Missing(key, example);
                return null;
            }

            return string.IsNullOrEmpty(text) ? null : text;
        }

        WrongType(key, value, "text");
        return null;
    }

    public Located<string>? LocatedString(string key, bool required = false, string? example = null) =>
        String(key, required, example) is { } text ? new Located<string>(text, AtValue(key)) : null;

    public int? Int(string key, int min, int max, bool required = false)
    {
        var value = Value(key, required, min.ToString(CultureInfo.InvariantCulture));
        if (value is null)
        {
            return null;
        }

        if (value is not YamlScalarNode { Value: { } text } || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            WrongType(key, value, "a whole number");
            return null;
        }

        if (number < min || number > max)
        {
            Diagnostics.Error(DiagnosticCodes.InvalidValue, At(value), $"'{Name(key)}' is {number}; it must be between {min} and {max}.");
            return null;
        }

        return number;
    }

    public bool? Bool(string key)
    {
        var value = Value(key, required: false, "true");
        if (value is null)
        {
            return null;
        }

        if (value is YamlScalarNode { Value: { } text })
        {
            if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        WrongType(key, value, "true or false");
        return null;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var value = Value(key, required, "2026-03-02");
        if (value is null)
        {
            return null;
        }

        if (value is YamlScalarNode { Value: { } text }
            && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Diagnostics.Error(DiagnosticCodes.InvalidDate, At(value),
            $"'{Name(key)}' is not a date: '{(value as YamlScalarNode)?.Value ?? value.NodeType.ToString()}'.",
            "Write dates as YYYY-MM-DD, e.g. 2026-03-02.");
        return null;
    }

    /// <summary>One of a fixed set of words, with a "did you mean" when misspelt.</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices, bool required = false)
        where T : struct
    {
        if (required && !Has(key))
        {
            Missing(key, null, $"Add '{key}:' with one of: {string.Join(", ", choices.Keys)}.");
            return null;
        }

        var value = String(key);
        if (value is null)
        {
            return null;
        }

        if (choices.TryGetValue(value, out var choice))
        {
            return choice;
        }

        Diagnostics.Error(DiagnosticCodes.InvalidValue, AtValue(key), $"'{Name(key)}' cannot be '{value}'.",
            Suggest.DidYouMean(value, choices.Keys) ?? $"Use one of: {string.Join(", ", choices.Keys)}.");
        return null;
    }

    /// <summary>A list of plain values (a single value is accepted as a list of one).</summary>
    public IReadOnlyList<Located<string>>? StringList(string key)
    {
        var value = Value(key, required: false, null);
        switch (value)
        {
            case null:
                return null;
            case YamlScalarNode { Value: { } single }:
                return string.IsNullOrWhiteSpace(single) ? [] : [new Located<string>(single.Trim(), At(value))];
            case YamlSequenceNode sequence:
                var items = new List<Located<string>>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
                    {
                        items.Add(new Located<string>(text.Trim(), At(item)));
                    }
                    else
                    {
                        Diagnostics.Error(DiagnosticCodes.WrongType, At(item), $"Each entry of '{Name(key)}' must be plain text.");
                    }
                }

                return items;
            default:
                WrongType(key, value, "a list");
                return null;
        }
    }

    /// <summary>A nested mapping, opened with its own known keys.</summary>
    public YamlFields? Map(string key, IReadOnlyCollection<string> knownKeys, bool required = false)
    {
        var value = Value(key, required, null);
        if (value is null)
        {
            return null;
        }

        if (value is YamlMappingNode mapping)
        {
            return Open(mapping, File, FirstLine, Name(key), knownKeys, Diagnostics);
        }

        WrongType(key, value, "a set of indented 'key: value' lines");
        return null;
    }

    /// <summary>Effort as minutes: a bare number means minutes; '90m', '2h', '1h30m', '1.5h' are accepted.</summary>
    public int? Duration(string key, bool required = false)
    {
        var value = Value(key, required, "30m");
        if (value is null)
        {
            return null;
        }

        if (value is not YamlScalarNode)
        {
            WrongType(key, value, "a duration such as 45, 90m or 2h");
            return null;
        }

        if (value is YamlScalarNode { Value: { } text } && ParseMinutes(text) is { } minutes)
        {
            if (minutes <= 0)
            {
                Diagnostics.Error(DiagnosticCodes.InvalidValue, At(value), $"'{Name(key)}' must be more than zero.");
                return null;
            }

            return minutes;
        }

        Diagnostics.Error(DiagnosticCodes.WrongType, At(value), $"'{Name(key)}' is not a duration: '{(value as YamlScalarNode)?.Value}'.",
            "Write minutes as a number (45) or use units: 90m, 2h, 1h30m.");
        return null;
    }

    internal static int? ParseMinutes(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var plain))
        {
            return plain;
        }

        var match = DurationPattern().Match(trimmed);
        if (!match.Success || (match.Groups["h"].Length == 0 && match.Groups["m"].Length == 0))
        {
            return null;
        }

        var hours = match.Groups["h"].Success ? decimal.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0m;
        var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var total = hours * 60 + minutes;
        return total > 100_000 ? null : (int)Math.Round(total);
    }

    private string Name(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private YamlNode? Value(string key, bool required, string? example)
    {
        if (!entries.TryGetValue(key, out var entry) || IsNull(entry.Value))
        {
            if (required)
            {
                Missing(key, example);
            }

            return null;
        }

        return entry.Value;
    }

    private void Missing(string key, string? example, string? hint = null)
    {
        var what = Path.Length == 0 ? "" : $" in '{Path}'";
        Diagnostics.Error(DiagnosticCodes.MissingKey, entries.TryGetValue(key, out var entry) ? At(entry.Key) : Start,
            $"Required key '{key}'{what} is missing or empty.",
            hint ?? (example is null ? $"Add a '{key}: ...' line." : $"Add a line such as '{key}: {example}'."));
    }

    private void WrongType(string key, YamlNode value, string expected)
    {
        var actual = value switch
        {
            YamlSequenceNode => "a list",
            YamlMappingNode => "a set of key: value lines",
            YamlScalarNode scalar => $"'{scalar.Value}'",
            _ => value.NodeType.ToString(),
        };
        Diagnostics.Error(DiagnosticCodes.WrongType, At(value), $"'{Name(key)}' should be {expected}, not {actual}.");
    }

    private static bool IsNull(YamlNode value) =>
        value is YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.SingleQuoted and not YamlDotNet.Core.ScalarStyle.DoubleQuoted } scalar
        && (scalar.Value is null || scalar.Value.Length == 0 || scalar.Value == "~" || scalar.Value.Equals("null", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)\s*h(?:ours?)?)?\s*(?:(?<m>\d+)\s*m(?:in(?:utes?)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
