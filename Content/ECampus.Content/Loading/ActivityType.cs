namespace ECampus.Content;

/// <summary>
/// An activity type a pack may use, e.g. <c>quiz</c>. The engine passes the built-in types plus those
/// its plug-ins register; a pack that uses any other type fails validation.
/// </summary>
/// <param name="Name">The type name used in <c>:::activity NAME id</c> and in front matter <c>type:</c>.</param>
/// <param name="Folder">
/// The pack folder whose files default to this type (<c>assessments</c>, <c>assignments</c>, <c>webinars</c>),
/// or null for types that need no file (a <c>discussion</c> is created by the engine from its block).
/// </param>
/// <param name="Validate">
/// Optional plug-in check of an activity file of this type (its own front matter and body);
/// its diagnostics are added to the pack's.
/// </param>
public sealed record ActivityType(string Name, string? Folder, Func<PackActivity, IEnumerable<Diagnostic>>? Validate = null)
{
    /// <summary><c>quiz</c>, files in <c>assessments/</c>.</summary>
    public static ActivityType Quiz { get; } = new("quiz", "assessments");

    /// <summary><c>assignment</c>, files in <c>assignments/</c>.</summary>
    public static ActivityType Assignment { get; } = new("assignment", "assignments");

    /// <summary><c>webinar</c>, files in <c>webinars/</c>.</summary>
    public static ActivityType Webinar { get; } = new("webinar", "webinars");

    /// <summary><c>discussion</c>, no file: the block in the module is the prompt.</summary>
    public static ActivityType Discussion { get; } = new("discussion", null);

    /// <summary>The four built-in types.</summary>
    public static IReadOnlyList<ActivityType> Defaults { get; } = [Quiz, Assignment, Webinar, Discussion];

    /// <summary>True when an activity of this type must be backed by a file in the pack.</summary>
    public bool RequiresFile => Folder is not null;
}
