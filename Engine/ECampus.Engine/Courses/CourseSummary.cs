using ECampus.Content;

namespace ECampus.Engine.Courses;

/// <summary>A course as the catalog and the course page describe it.</summary>
public sealed record CourseSummary(
    string Id, string Title, string? Summary, string? Audience, string Format, int EffortMinutes, string Language,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Tags, DateOnly? ScheduleStart, int? ScheduleWeeks, string Certificate,
    string EnrolmentMode, int? Capacity, DateOnly? EnrolmentOpens, DateOnly? EnrolmentCloses, bool Listed, bool PreviewFirstModule)
{
    public static CourseSummary Of(Pack pack, EnrolmentRules rules)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(rules);
        return new CourseSummary(
            pack.Id, pack.Title, pack.Summary, pack.Audience, FormatName(pack.Format), pack.EffortMinutes, pack.Language,
            [pack.Language, .. pack.Languages], pack.Tags, pack.Schedule?.Start, pack.Schedule?.Weeks,
            pack.Certificate.Award.ToString().ToLowerInvariant(), rules.Mode.ToString().ToLowerInvariant(), rules.Capacity,
            rules.Opens, rules.Closes, rules.Listed, pack.PreviewFirstModule);
    }

    public static string FormatName(CourseFormat format) => format switch
    {
        CourseFormat.SelfPaced => "self-paced",
        CourseFormat.TutorSupported => "tutor-supported",
        CourseFormat.Webinar => "webinar",
        _ => "blended",
    };
}
