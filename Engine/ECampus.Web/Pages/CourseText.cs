using System.Globalization;
using ECampus.Engine.Courses;

namespace ECampus.Web.Pages;

/// <summary>How course pages word and link the engine's values: effort, days, languages, states and addresses.</summary>
public static class CourseText
{
    public static string Effort(int minutes) => minutes switch
    {
        <= 0 => "—",
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes} min"),
        _ when minutes % 60 == 0 => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60} min"),
    };

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Moment(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The language's English name ("fr" reads "French"); the code itself when the system does not know it.</summary>
    public static string Language(string code)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            return culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? code : culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    public static string Languages(IEnumerable<string> codes) => string.Join(", ", codes.Select(Language));

    public static string Format(string format) => format switch
    {
        "self-paced" => "Self-paced",
        "tutor-supported" => "Tutor-supported",
        "webinar" => "Webinar",
        _ => "Blended",
    };

    public static string Certificate(string award) => award switch
    {
        "none" => "No certificate",
        "participation" => "Certificate of participation",
        "achievement" => "Certificate of achievement",
        "diploma" => "Diploma",
        _ => award,
    };

    /// <summary>A cohort-paced course's next start (a cohort's, or the pack's own), or that none is scheduled yet.</summary>
    public static string Schedule(DateOnly? nextStart, int? weeks)
    {
        var length = weeks is { } count ? string.Create(CultureInfo.InvariantCulture, $"{count} week{(count == 1 ? "" : "s")}") : null;
        return nextStart is { } start
            ? $"Starts {Day(start)}" + (length is null ? "" : " · " + length)
            : (length is null ? "" : length + "; ") + "the next start is not scheduled yet";
    }

    /// <summary>The first of the starts on or after <paramref name="today"/>.</summary>
    public static DateOnly? NextStart(DateOnly today, IEnumerable<DateOnly> starts) =>
        starts.Where(day => day >= today).Order().Cast<DateOnly?>().FirstOrDefault();

    public static string EnrolmentMode(string mode) => mode switch
    {
        "open" => "Open to everyone signed in",
        "key" => "With an enrolment key",
        "approval" => "On approval by a tutor",
        _ => mode,
    };

    public static string State(ModuleState state) => state switch
    {
        ModuleState.Locked => "Locked",
        ModuleState.Available => "Not started",
        ModuleState.InProgress => "In progress",
        ModuleState.Done => "Done",
        _ => "No longer in the course",
    };

    public static string StateClass(ModuleState state) => state switch
    {
        ModuleState.Done => "ok",
        ModuleState.InProgress => "warn",
        _ => "",
    };

    public static string Percent(int percent) => string.Create(CultureInfo.InvariantCulture, $"{percent} %");

    public static string CourseUrl(string courseId) => "/courses/" + Uri.EscapeDataString(courseId);

    public static string HomeUrl(string courseId) => CourseUrl(courseId) + "/home";

    public static string GoalsUrl(string courseId) => CourseUrl(courseId) + "/goals";

    /// <summary>Opens an activity wherever the plug-in owning its type serves it.</summary>
    public static string ActivityUrl(string courseId, string activityId) => CourseUrl(courseId) + "/activities/" + Uri.EscapeDataString(activityId);

    public static string ModuleUrl(string courseId, string moduleId) => CourseUrl(courseId) + "/modules/" + Uri.EscapeDataString(moduleId);

    public static string TutorUrl(string courseId) => "/tutor/" + Uri.EscapeDataString(courseId);

    public static string AdminUrl(string courseId) => "/admin/courses/" + Uri.EscapeDataString(courseId);

    public static string LoginUrl(string returnUrl) => "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl);
}
