namespace ECampus.Content;

/// <summary>An <c>:::activity TYPE ID</c> block found in a module body, with its position in the module file.</summary>
/// <param name="Type">Activity type, e.g. <c>quiz</c>.</param>
/// <param name="Id">Activity id.</param>
/// <param name="Line">1-based line in the module file.</param>
/// <param name="Column">1-based column.</param>
public sealed record ActivityRef(string Type, string Id, int Line, int Column);
