using Dapper;
using ECampus.Plugins.Quizzes.Attempts;
using ECampus.Plugins.Quizzes.Grading;
using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Gain;

/// <summary>Knowledge gain between the pre- and post-course assessments, in percentage points of the score.</summary>
/// <param name="Learners">One row per learner who took either assessment.</param>
/// <param name="Summary">Over the learners who took both.</param>
/// <param name="Questions">Per question, the share of points earned before (pre) and after (post): the higher, the easier.</param>
public sealed record GainReport(
    string CourseId, string PreQuizId, string PostQuizId, bool IsOwn, IReadOnlyList<LearnerGain> Learners, GainSummary Summary, IReadOnlyList<QuestionDifficulty> Questions);

/// <summary>A learner's first pre-course score and last post-course score (percent), the gain and the normalised gain ((post − pre) / (100 − pre)).</summary>
public sealed record LearnerGain(long AccountId, long? CohortId, decimal? Pre, decimal? Post, decimal? Gain, decimal? NormalisedGain)
{
    /// <summary>The name the learner shows to others; given to their tutors (of the cohorts they teach) only, never in a learner's own report.</summary>
    public string? Name { get; init; }
}

public sealed record GainSummary(int Count, decimal? MeanPre, decimal? MeanPost, decimal? MeanGain, decimal? MedianGain, decimal? MeanNormalisedGain, decimal? ShareImproved);

public sealed record QuestionDifficulty(string QuestionId, string? Text, decimal? Before, int AnsweredBefore, decimal? After, int AnsweredAfter);

public sealed class GetAssessmentGain(QuizLookup lookup, IDatabase database, ICourseDirectory courses)
{
    public async Task<GainReport> HandleAsync(string courseId, long? cohortId, CancellationToken cancellationToken)
    {
        var course = lookup.Course(courseId);
        var teaches = await lookup.MayAsync(Permissions.TeachCourse, courseId, cancellationToken);
        long? ownAccount = null;
        IReadOnlySet<long>? cohorts = null;
        if (teaches)
        {
            cohorts = await courses.TaughtCohortsAsync(lookup.Actor, courseId, cancellationToken);
            if (cohortId is { } asked)
            {
                if (cohorts is not null && !cohorts.Contains(asked))
                {
                    throw new NotFoundException($"There is no cohort {asked} of yours in this course.");
                }

                cohorts = new HashSet<long> { asked };
            }
        }
        else
        {
            ownAccount = (await lookup.LearnerAsync(courseId, cancellationToken)).AccountId;
        }

        if (course.PreAssessment is not { } pre || course.PostAssessment is not { } post)
        {
            throw new NotFoundException("This course has no pre- and post-course assessment.");
        }

        var rows = await database.ReadAsync(async connection => (await connection.QueryAsync<Taken>(
            """
            SELECT account_id AS AccountId, cohort_id AS CohortId, quiz_id AS QuizId, number AS Number, percent AS Percent, result_json AS ResultJson
            FROM quizzes_attempt
            WHERE course_id = @courseId AND quiz_id IN (@pre, @post) AND status <> 'open' AND (@ownAccount IS NULL OR account_id = @ownAccount)
            ORDER BY account_id, number
            """, new { courseId, pre, post, ownAccount })).ToList(), cancellationToken);
        if (cohorts is not null)
        {
            rows = rows.Where(r => r.CohortId is { } c && cohorts.Contains(c)).ToList();
        }

        var firstPre = rows.Where(r => r.QuizId == pre).GroupBy(r => r.AccountId).ToDictionary(g => g.Key, g => g.MinBy(r => r.Number)!);
        var lastPost = rows.Where(r => r.QuizId == post).GroupBy(r => r.AccountId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Number)!);
        var learners = firstPre.Keys.Union(lastPost.Keys).Order().Select(account =>
        {
            var before = firstPre.GetValueOrDefault(account);
            var after = lastPost.GetValueOrDefault(account);
            var gain = before is not null && after is not null ? Round(after.PercentValue - before.PercentValue) : (decimal?)null;
            var normalised = gain is { } g && before!.PercentValue < 100 ? Round(g / (100 - before.PercentValue)) : (decimal?)null;
            return new LearnerGain(account, (before ?? after)!.CohortId, before?.PercentValue, after?.PercentValue, gain, normalised);
        }).ToList();

        if (ownAccount is null && learners.Count > 0)
        {
            var names = await courses.DisplayNamesAsync(learners.Select(l => l.AccountId).ToArray(), cancellationToken);
            learners = learners.Select(l => l with { Name = names.GetValueOrDefault(l.AccountId) }).ToList();
        }

        return new GainReport(courseId, pre, post, ownAccount is not null, learners, Summarise(learners), Difficulty(course, firstPre.Values, lastPost.Values));
    }

    private static GainSummary Summarise(List<LearnerGain> learners)
    {
        var both = learners.Where(l => l.Gain is not null).ToList();
        if (both.Count == 0)
        {
            return new GainSummary(0, null, null, null, null, null, null);
        }

        var gains = both.Select(l => l.Gain!.Value).Order().ToArray();
        var median = gains.Length % 2 == 1 ? gains[gains.Length / 2] : (gains[gains.Length / 2 - 1] + gains[gains.Length / 2]) / 2;
        var normalised = both.Where(l => l.NormalisedGain is not null).Select(l => l.NormalisedGain!.Value).ToArray();
        return new GainSummary(
            both.Count, Round(both.Average(l => l.Pre!.Value)), Round(both.Average(l => l.Post!.Value)), Round(gains.Average()), Round(median),
            normalised.Length == 0 ? null : Round(normalised.Average()), Round((decimal)both.Count(l => l.Gain > 0) / both.Count));
    }

    private List<QuestionDifficulty> Difficulty(CourseInfo course, IEnumerable<Taken> before, IEnumerable<Taken> after)
    {
        var facilityBefore = Facility(before);
        var facilityAfter = Facility(after);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var quizId in new[] { course.PreAssessment!, course.PostAssessment! })
        {
            try
            {
                foreach (var question in lookup.Quiz(course, quizId, null).Questions)
                {
                    texts.TryAdd(question.Id, question.Text);
                }
            }
            catch (NotFoundException)
            {
                // The quiz left the pack; its questions are still reported by id.
            }
        }

        return facilityBefore.Keys.Concat(facilityAfter.Keys).Distinct(StringComparer.Ordinal).Select(id =>
        {
            var b = facilityBefore.GetValueOrDefault(id);
            var a = facilityAfter.GetValueOrDefault(id);
            return new QuestionDifficulty(id, texts.GetValueOrDefault(id), b.Count > 0 ? Round(b.Sum / b.Count) : null, b.Count, a.Count > 0 ? Round(a.Sum / a.Count) : null, a.Count);
        }).ToList();
    }

    private static Dictionary<string, (decimal Sum, int Count)> Facility(IEnumerable<Taken> attempts)
    {
        var totals = new Dictionary<string, (decimal Sum, int Count)>(StringComparer.Ordinal);
        foreach (var result in attempts.Select(a => a.Result).OfType<QuizResult>())
        {
            foreach (var question in result.Questions.Where(q => q.Counts && q.MaxPoints > 0))
            {
                var (sum, count) = totals.GetValueOrDefault(question.QuestionId);
                totals[question.QuestionId] = (sum + question.Score / question.MaxPoints, count + 1);
            }
        }

        return totals;
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private sealed class Taken
    {
        public long AccountId { get; init; }
        public long? CohortId { get; init; }
        public string QuizId { get; init; } = "";
        public long Number { get; init; }
        public double? Percent { get; init; }
        public string? ResultJson { get; init; }

        public decimal PercentValue => Math.Round((decimal)(Percent ?? 0), 2);

        public QuizResult? Result => ResultJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<QuizResult>(ResultJson, AttemptJson.Options);
    }
}
