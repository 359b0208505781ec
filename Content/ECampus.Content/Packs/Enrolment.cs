namespace ECampus.Content;

/// <summary>How learners get into a course (pack.yml <c>enrolment.mode</c>).</summary>
public enum EnrolmentMode
{
    /// <summary><c>open</c>: anyone signed in may enrol.</summary>
    Open,

    /// <summary><c>key</c>: learners type an enrolment key.</summary>
    Key,

    /// <summary><c>approval</c>: staff review each request.</summary>
    Approval,
}

/// <summary>Enrolment rules (pack.yml <c>enrolment</c>).</summary>
/// <param name="Mode">Open, key or approval.</param>
/// <param name="Key">The enrolment key when <paramref name="Mode"/> is <see cref="EnrolmentMode.Key"/>.</param>
/// <param name="Capacity">Maximum enrolled learners, or null for no limit.</param>
/// <param name="Opens">First day enrolment is possible, or null.</param>
/// <param name="Closes">Last day enrolment is possible, or null.</param>
public sealed record Enrolment(EnrolmentMode Mode, string? Key, int? Capacity, DateOnly? Opens, DateOnly? Closes)
{
    /// <summary>Open enrolment, no limits.</summary>
    public static Enrolment Default { get; } = new(EnrolmentMode.Open, null, null, null, null);
}
