namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// One GIFT question's text (its lines joined, comments removed) with the file position of every character,
/// and the <c>[id:...]</c> read from the comments before it.
/// </summary>
internal sealed class GiftChunk
{
    private readonly List<int> _lineOffsets = [];
    private readonly List<int> _fileLines = [];
    private readonly int _column;

    public GiftChunk(IReadOnlyList<(int FileLine, string Text)> lines, int column, string? explicitId)
    {
        _column = column;
        ExplicitId = explicitId;
        var offset = 0;
        foreach (var (fileLine, text) in lines)
        {
            _lineOffsets.Add(offset);
            _fileLines.Add(fileLine);
            offset += text.Length + 1;
        }

        Text = string.Join("\n", lines.Select(l => l.Text));
    }

    public string Text { get; }

    public string? ExplicitId { get; }

    public SourcePosition PositionOf(int offset)
    {
        var index = _lineOffsets.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        index = Math.Max(0, index);
        return new SourcePosition(_fileLines[index], _column + offset - _lineOffsets[index] + 1);
    }
}
