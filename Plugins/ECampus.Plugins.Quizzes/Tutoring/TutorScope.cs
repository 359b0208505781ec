using ECampus.Plugins.Quizzes.Attempts;
using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Tutoring;

/// <summary>
/// The caller as a tutor of a course: the cohorts whose attempts they may read and grade (every cohort for
/// administrators). Anonymous callers must sign in, the course's learners are refused (403), anyone else learns nothing (404).
/// </summary>
public sealed record TutorScope(CourseInfo Course, long AccountId, IReadOnlySet<long>? Cohorts)
{
    public bool Covers(long? cohortId) => Cohorts is null || cohortId is { } cohort && Cohorts.Contains(cohort);

    public static async Task<TutorScope> OfAsync(QuizLookup lookup, ICourseDirectory courses, string courseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(courses);
        var accountId = lookup.AccountId;
        var course = lookup.Course(courseId);
        if (!await lookup.MayAsync(Permissions.TeachCourse, courseId, cancellationToken))
        {
            throw await lookup.MayAsync(Permissions.TakeCourse, courseId, cancellationToken)
                ? new AccessDeniedException("Attempts are seen and graded by the course's tutors.")
                : new NotFoundException($"There is no course '{courseId}'.");
        }

        return new TutorScope(course, accountId, await courses.TaughtCohortsAsync(lookup.Actor, courseId, cancellationToken));
    }
}
