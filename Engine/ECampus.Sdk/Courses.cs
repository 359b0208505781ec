namespace ECampus.Sdk;

/// <summary>What plug-ins may read of the courses the site serves and of the people taking them.</summary>
public interface ICourseDirectory
{
    /// <summary>The course served under <paramref name="courseId"/>, or null.</summary>
    CourseInfo? Find(string courseId);

    /// <summary>
    /// An activity file of the course's current version: the translation in <paramref name="language"/> when the pack
    /// has one, else the original. Null when the course or activity does not exist.
    /// </summary>
    ActivityFile? FindActivity(string courseId, string activityId, string? language = null);

    /// <summary>Where an active learner stands in a course; null when they are not an active learner of it.</summary>
    ValueTask<LearnerPlace?> LearnerAsync(string courseId, long accountId, CancellationToken cancellationToken);

    /// <summary>
    /// The cohorts of a course whose records <paramref name="actor"/> may read as a tutor: null means every cohort
    /// (administrators); an empty set means none.
    /// </summary>
    ValueTask<IReadOnlySet<long>?> TaughtCohortsAsync(Actor actor, string courseId, CancellationToken cancellationToken);

    /// <summary>
    /// The names people show to others, for the accounts given (accounts that do not exist are left out). Ask only for
    /// people the caller may already see, such as the learners of a cohort the actor teaches.
    /// </summary>
    ValueTask<IReadOnlyDictionary<long, string>> DisplayNamesAsync(IReadOnlyCollection<long> accountIds, CancellationToken cancellationToken);

    /// <summary>
    /// Renders Markdown written in a course's pack (a question, an option, feedback) to sanitised HTML by the same rules
    /// as module pages: raw HTML only where the pack allows it, links to the pack's assets resolved from
    /// <paramref name="sourceFile"/> (e.g. <c>assessments/pre.md</c>), other relative links dropped to their text.
    /// Null when the course is not served.
    /// </summary>
    string? RenderMarkdown(string courseId, string sourceFile, string markdown);
}

/// <summary>A course as plug-ins see it.</summary>
/// <param name="Id">The course (pack) id.</param>
/// <param name="Title">Its title in the pack's main language.</param>
/// <param name="Format"><c>self-paced</c>, <c>tutor-supported</c> or <c>webinar</c>.</param>
/// <param name="Language">The pack's main language.</param>
/// <param name="Languages">Every language it is written in, the main one first.</param>
/// <param name="ContentHash">Changes whenever any file of the pack changes.</param>
/// <param name="PreAssessment">Activity id of the pre-course assessment, if any.</param>
/// <param name="PostAssessment">Activity id of the post-course assessment, if any.</param>
/// <param name="PreAssessmentRequired">Whether the modules stay locked until the pre-course assessment is done.</param>
/// <param name="Activities">The course's activities, in pack order.</param>
public sealed record CourseInfo(
    string Id, string Title, string Format, string Language, IReadOnlyList<string> Languages, string ContentHash,
    string? PreAssessment, string? PostAssessment, bool PreAssessmentRequired, IReadOnlyList<ActivityInfo> Activities);

/// <summary>An activity of a course.</summary>
public sealed record ActivityInfo(string Id, string Type, string Title)
{
    /// <summary>The module that holds the activity, when a module does.</summary>
    public string? ModuleId { get; init; }
}

/// <summary>An active learner's place in a course.</summary>
/// <param name="AccountId">The learner.</param>
/// <param name="CourseId">The course.</param>
/// <param name="CohortId">Their cohort, for cohort-paced courses.</param>
/// <param name="CohortName">The cohort's name.</param>
/// <param name="CohortStartsOn">The day the cohort starts (relative dates in activities count from it).</param>
/// <param name="Language">The language they read the course in.</param>
/// <param name="ModulesDone">Modules they completed.</param>
/// <param name="ModuleCount">Modules in the course.</param>
/// <param name="CompletedActivities">Ids of the activities reported complete for them.</param>
public sealed record LearnerPlace(
    long AccountId, string CourseId, long? CohortId, string? CohortName, DateOnly? CohortStartsOn, string Language,
    int ModulesDone, int ModuleCount, IReadOnlySet<string> CompletedActivities)
{
    /// <summary>Every module of the course is done.</summary>
    public bool AllModulesDone => ModuleCount > 0 && ModulesDone >= ModuleCount;

    /// <summary>Ids of the course's current modules the learner has not completed.</summary>
    public IReadOnlySet<string> ModulesNotDone { get; init; } = new HashSet<string>();
}
