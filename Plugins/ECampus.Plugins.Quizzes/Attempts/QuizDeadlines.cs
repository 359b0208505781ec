using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Attempts;

/// <summary>Quiz close dates ahead, for the "coming up" slot of a learner's dashboard.</summary>
public sealed class QuizDeadlines(ICourseDirectory courses, QuizLookup lookup, TimeProvider time) : IUpcomingItems
{
    public async ValueTask<IReadOnlyList<UpcomingItem>> ForLearnerAsync(long accountId, IReadOnlyList<string> courseIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(courseIds);
        var now = SiteClock.Now(time);
        var items = new List<UpcomingItem>();
        foreach (var course in courseIds.Select(courses.Find).OfType<CourseInfo>())
        {
            var quizzes = course.Activities.Where(a => a.Type == QuizzesPlugin.ActivityTypeName).ToList();
            if (quizzes.Count == 0 || await courses.LearnerAsync(course.Id, accountId, cancellationToken) is not { } learner)
            {
                continue;
            }

            foreach (var activity in quizzes)
            {
                var quiz = lookup.TryQuiz(course, activity.Id, learner.Language);
                if (quiz?.Settings.Closes is not { } closes || learner.CompletedActivities.Contains(activity.Id)
                    || lookup.Resolve(closes, learner) is not { } at || at <= now)
                {
                    continue;
                }

                items.Add(new UpcomingItem(course.Id, "deadline", $"{quiz.Title} closes", at, QuizPaths.Quiz(course.Id, activity.Id)));
            }
        }

        return items;
    }
}
