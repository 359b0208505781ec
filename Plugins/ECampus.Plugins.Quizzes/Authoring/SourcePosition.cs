namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>A file line and column, both from 1.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition Start { get; } = new(1, 1);

    public SourcePosition Right(int characters) => this with { Column = Column + characters };
}
