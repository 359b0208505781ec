using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Attempts;

/// <summary>A quiz of a course as one learner meets it: in their language, with its dates resolved against their cohort.</summary>
public sealed record LearnerQuiz(CourseInfo Course, LearnerPlace Learner, Quiz Quiz, DateTimeOffset? Opens, DateTimeOffset? Closes)
{
    public QuizKind Kind => Quiz.Settings.Kind;

    /// <summary>
    /// Every module is done, apart from a module still waiting only for this (post-course) quiz, which would otherwise
    /// never open: its other quizzes must be complete.
    /// </summary>
    public bool ModulesDoneBeforeThis => Learner.ModuleCount > 0 && Learner.ModulesNotDone.All(module =>
        Course.Activities.Any(a => a.Id == Quiz.Id && a.ModuleId == module)
        && Course.Activities.Where(a => a.ModuleId == module && a.Type == QuizzesPlugin.ActivityTypeName && a.Id != Quiz.Id)
            .All(a => Learner.CompletedActivities.Contains(a.Id)));
}

/// <summary>Finds courses, quizzes and the caller's place in them; strangers to a course learn nothing (404).</summary>
public sealed class QuizLookup(ICourseDirectory courses, IAccessPolicy access, ICurrentActor current, QuizzesOptions options, ParsedQuizzes parsed)
{
    public Actor Actor => current.Actor;

    public long AccountId => current.Actor.AccountId ?? throw new SignInRequiredException();

    public CourseInfo Course(string courseId) => courses.Find(courseId) ?? throw new NotFoundException($"There is no course '{courseId}'.");

    public async Task<bool> MayAsync(string permission, string courseId, CancellationToken cancellationToken) =>
        await access.IsAllowedAsync(current.Actor, permission, courseId, cancellationToken);

    /// <summary>The quiz as written in the course's current version, or 404.</summary>
    public Quiz Quiz(CourseInfo course, string quizId, string? language) =>
        TryQuiz(course, quizId, language) ?? throw new NotFoundException($"Course '{course.Id}' has no quiz '{quizId}'.");

    public Quiz? TryQuiz(CourseInfo course, string quizId, string? language) => parsed.GetOrParse(course.Id, quizId, language, course.ContentHash, () =>
    {
        var file = courses.FindActivity(course.Id, quizId, language);
        if (file is null || file.Type != QuizzesPlugin.ActivityTypeName)
        {
            return null;
        }

        var kind = quizId == course.PreAssessment ? QuizKind.Pre : quizId == course.PostAssessment ? QuizKind.Post : (QuizKind?)null;
        return QuizParser.Parse(new QuizSource(file.Text, file.SourceFile) { DefaultId = file.Id, DefaultKind = kind, Language = language ?? course.Language }).Quiz
            is { } quiz ? quiz with { SourceFile = file.SourceFile } : null;
    });

    /// <summary>A quiz date as it falls for this learner: relative dates count from their cohort's start.</summary>
    public DateTimeOffset? Resolve(QuizDate date, LearnerPlace learner)
    {
        ArgumentNullException.ThrowIfNull(date);
        ArgumentNullException.ThrowIfNull(learner);
        DateTimeOffset? start = learner.CohortStartsOn is { } day
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), options.TimeZone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)))
            : null;
        return date.Resolve(start, options.TimeZone);
    }

    /// <summary>The caller as a learner of the course: 404 to strangers, 403 to the course's tutors and staff.</summary>
    public async Task<LearnerPlace> LearnerAsync(string courseId, CancellationToken cancellationToken)
    {
        var place = await courses.LearnerAsync(courseId, AccountId, cancellationToken);
        if (place is not null)
        {
            return place;
        }

        if (await MayAsync(Permissions.TakeCourse, courseId, cancellationToken))
        {
            throw new AccessDeniedException("Only the course's enrolled learners take its quizzes.");
        }

        throw new NotFoundException($"There is no course '{courseId}'.");
    }

    public async Task<LearnerQuiz> ForLearnerAsync(string courseId, string quizId, CancellationToken cancellationToken)
    {
        var course = Course(courseId);
        var learner = await LearnerAsync(courseId, cancellationToken);
        var quiz = Quiz(course, quizId, learner.Language);
        return new LearnerQuiz(course, learner, quiz,
            quiz.Settings.Opens is { } opens ? Resolve(opens, learner) : null, quiz.Settings.Closes is { } closes ? Resolve(closes, learner) : null);
    }
}
