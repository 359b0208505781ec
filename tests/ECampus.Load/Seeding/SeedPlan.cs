using System.Globalization;

namespace ECampus.Load.Seeding;

/// <summary>
/// The names the seeder writes and the driver's journey scenarios use by default, so both agree without the driver
/// reading the packs.
/// </summary>
internal static class SeedPlan
{
    public const string KnownLearnerEmail = "learner@example.org";
    public const string AdminEmail = "admin@example.org";

    /// <summary>Modules the known learner has done in the largest course; the next one is in progress.</summary>
    public const int KnownLearnerDone = 12;

    /// <summary>
    /// The known learner and the learners after it (learner00001@example.org, ...) whose records the driver may spread its
    /// requests over: each has done at least <see cref="KnownLearnerDone"/> modules of the largest course, so the
    /// default module is open to all of them and reading it writes nothing.
    /// </summary>
    public const int JourneyLearners = 64;

    /// <summary>The largest course: every seeded learner is enrolled in it.</summary>
    public static string LargestCourseId => CourseId(1);

    /// <summary>The module the known learner is working on: unlocked, started, so reading it writes nothing.</summary>
    public static string KnownLearnerModuleId => ModuleId(KnownLearnerDone + 1);

    public static string LearnerEmail(int learner) =>
        learner == 0 ? KnownLearnerEmail : string.Create(CultureInfo.InvariantCulture, $"learner{learner:00000}@example.org");

    public static string CourseId(int course) => string.Create(CultureInfo.InvariantCulture, $"course-{course:00}");

    public static string ModuleId(int module) => string.Create(CultureInfo.InvariantCulture, $"module-{module:00}");

    /// <summary>The file name: its leading number orders the modules and is dropped from the id.</summary>
    public static string ModuleFile(int module) => string.Create(CultureInfo.InvariantCulture, $"{module:00}-{ModuleId(module)}.md");
}
