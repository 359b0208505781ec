namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>A file's text with its line starts, to turn offsets into file lines and columns.</summary>
internal sealed class SourceText
{
    private readonly List<int> _lineStarts = [0];

    public SourceText(string text)
    {
        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string Text { get; }

    public int LineCount => _lineStarts.Count;

    /// <summary>Line and column (from 1) of a character offset.</summary>
    public SourcePosition PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = _lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new SourcePosition(index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>Offset of the start of a line (from 0).</summary>
    public int LineStart(int line) => _lineStarts[line];

    /// <summary>A line's text without its line break (line from 0).</summary>
    public string Line(int line)
    {
        var start = _lineStarts[line];
        var end = line + 1 < _lineStarts.Count ? _lineStarts[line + 1] - 1 : Text.Length;
        return Text[start..end];
    }
}
