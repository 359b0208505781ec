namespace ECampus.Content;

/// <summary>
/// An activity file under <c>assessments/</c>, <c>assignments/</c> or <c>webinars/</c>. The pack format only
/// reads <c>id</c>, <c>type</c> and <c>title</c>; everything else in the front matter and the body belongs
/// to the plug-in that owns <see cref="Type"/>, which parses it itself.
/// </summary>
public sealed record PackActivity
{
    /// <summary>Stable id, from front matter or the file name.</summary>
    public required string Id { get; init; }

    /// <summary>Activity type, e.g. <c>quiz</c>; defaults from the folder.</summary>
    public required string Type { get; init; }

    /// <summary>Title, from front matter (or the id when the file has none, e.g. GIFT files).</summary>
    public required string Title { get; init; }

    /// <summary>File relative to the pack, e.g. <c>assessments/pre.md</c>.</summary>
    public required string SourceFile { get; init; }

    /// <summary><c>markdown</c> for .md files, <c>gift</c> for Moodle GIFT files.</summary>
    public required string Format { get; init; }

    /// <summary>The front matter exactly as written (empty when there is none).</summary>
    public required string FrontMatterYaml { get; init; }

    /// <summary>File line of the first front-matter line (2), for plug-ins that report positions.</summary>
    public required int FrontMatterLine { get; init; }

    /// <summary>
    /// The front matter as plain values: strings, <see cref="IReadOnlyList{T}"/> of values and
    /// <see cref="IReadOnlyDictionary{TKey, TValue}"/> of string to value. Numbers and booleans stay strings.
    /// </summary>
    public required IReadOnlyDictionary<string, object?> FrontMatter { get; init; }

    /// <summary>The body after the front matter.</summary>
    public required string Body { get; init; }

    /// <summary>File line on which <see cref="Body"/> starts.</summary>
    public required int BodyLine { get; init; }

    /// <summary>The whole file as written, for the plug-in that owns the type.</summary>
    public required string Text { get; init; }
}
