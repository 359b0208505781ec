using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using ECampus.Testing;

namespace ECampus.EndToEnd;

/// <summary>
/// What an administrator, a tutor and learners do through the API before a test looks at the pages: the sample packs'
/// own dates are in the past, so the tutor-supported course is reopened with a cohort starting today.
/// </summary>
internal static class SampleCourses
{
    public const string SelfPaced = SamplePacks.SelfPaced;
    public const string TutorSupported = SamplePacks.TutorSupported;
    public const string SelfPacedTitle = "Introduction to international labour standards";
    public const string TutorSupportedTitle = "Evidence-based policy making for decent work";

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// Takes the tutor-supported course out of its closed window into approval enrolment, opens a cohort starting today
    /// and makes <paramref name="tutorAccountId"/> its tutor. Returns the cohort's id.
    /// </summary>
    public static async Task<long> OpenTutorSupportedCohortAsync(TestSite site, string adminEmail, long tutorAccountId)
    {
        using var admin = await site.ApiClientAsync(adminEmail);
        await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/admin/courses/{TutorSupported}/settings",
            new { listed = true, enrolmentMode = "approval" }, HttpStatusCode.OK);
        var cohort = await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/courses/{TutorSupported}/cohorts",
            new { name = "Starting today", startsOn = Today, capacity = 30 }, HttpStatusCode.Created);
        var cohortId = cohort.GetProperty("id").GetInt64();
        await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/courses/{TutorSupported}/cohorts/{cohortId}/tutors/{tutorAccountId}", null, HttpStatusCode.NoContent);
        return cohortId;
    }

    /// <summary>A learner asks for a place in the cohort <see cref="OpenTutorSupportedCohortAsync"/> opened, the tutor approves, and the learner writes a goal.</summary>
    public static async Task JoinTutorSupportedCohortAsync(TestSite site, string email)
    {
        using var learner = await site.ApiClientAsync(email);
        using var tutor = await site.ApiClientAsync(Accounts.TutorEmail);
        await learner.SendJsonAsync(HttpMethod.Post, $"/api/v1/courses/{TutorSupported}/enrolment", new { }, HttpStatusCode.Accepted);
        var requests = await tutor.SendJsonAsync(HttpMethod.Get, $"/api/v1/courses/{TutorSupported}/enrolments?status=requested", null, HttpStatusCode.OK);
        var request = requests.EnumerateArray().Single(e => e.GetProperty("email").GetString() == email);
        await tutor.SendJsonAsync(HttpMethod.Post, $"/api/v1/courses/{TutorSupported}/enrolments/{request.GetProperty("id").GetInt64()}/approve", null, HttpStatusCode.OK);
        await learner.SendJsonAsync(HttpMethod.Put, $"/api/v1/courses/{TutorSupported}/goals", new { goals = new[] { "Judge the evidence behind our wage policy" } }, HttpStatusCode.NoContent);
    }

    /// <summary>The shared site's courses in the states the page tests look at.</summary>
    public static async Task PrepareSharedSiteAsync(TestSite site, long tutorAccountId)
    {
        await OpenTutorSupportedCohortAsync(site, Accounts.AdminEmail, tutorAccountId);

        // The learner takes the self-paced course (first module done) and waits for a place in the tutor-supported one.
        using var learner = await site.ApiClientAsync(Accounts.LearnerEmail);
        await learner.SendJsonAsync(HttpMethod.Post, $"/api/v1/courses/{SelfPaced}/enrolment", new { }, HttpStatusCode.Created);
        Assert.That(await site.CompleteActivitiesOfModuleAsync(Accounts.LearnerEmail, SelfPaced, "what-are-labour-standards"), Is.True);
        await learner.SendJsonAsync(HttpMethod.Post, $"/api/v1/courses/{TutorSupported}/enrolment", new { }, HttpStatusCode.Accepted);

        // The learner has an open attempt at the module 2 check and a submitted baseline quiz (quiz pages to look at).
        await learner.SendJsonAsync(HttpMethod.Post, $"/api/v1/courses/{SelfPaced}/quizzes/check-2/attempts", null, HttpStatusCode.Created);
        var baseline = await learner.SendJsonAsync(HttpMethod.Post, $"/api/v1/courses/{SelfPaced}/quizzes/baseline/attempts", null, HttpStatusCode.Created);
        await learner.SendJsonAsync(HttpMethod.Post,
            $"/api/v1/courses/{SelfPaced}/quizzes/baseline/attempts/{baseline.GetProperty("id").GetString()}/submit", null, HttpStatusCode.OK);

        // Another learner was given a place and wrote learning goals.
        using var goals = await site.ApiClientAsync(Accounts.GoalsLearnerEmail);
        await goals.SendJsonAsync(HttpMethod.Post, $"/api/v1/courses/{TutorSupported}/enrolment", new { }, HttpStatusCode.Accepted);
        using var tutor = await site.ApiClientAsync(Accounts.TutorEmail);
        var requests = await tutor.SendJsonAsync(HttpMethod.Get, $"/api/v1/courses/{TutorSupported}/enrolments?status=requested", null, HttpStatusCode.OK);
        var request = requests.EnumerateArray().Single(e => e.GetProperty("email").GetString() == Accounts.GoalsLearnerEmail);
        await tutor.SendJsonAsync(HttpMethod.Post, $"/api/v1/courses/{TutorSupported}/enrolments/{request.GetProperty("id").GetInt64()}/approve", null, HttpStatusCode.OK);
        await goals.SendJsonAsync(HttpMethod.Put, $"/api/v1/courses/{TutorSupported}/goals",
            new { goals = new[] { "Frame the youth employment question my ministry keeps asking", "Read an impact evaluation critically" } }, HttpStatusCode.NoContent);
        var preCourse = await goals.SendJsonAsync(HttpMethod.Post, $"/api/v1/courses/{TutorSupported}/quizzes/pre-course/attempts", null, HttpStatusCode.Created);
        await goals.SendJsonAsync(HttpMethod.Post,
            $"/api/v1/courses/{TutorSupported}/quizzes/pre-course/attempts/{preCourse.GetProperty("id").GetString()}/submit", null, HttpStatusCode.OK);

        await SeedForumsAsync(site, goals, tutor);
    }

    public const string ForumModule = "why-evidence";
    public const string ForumThreadTitle = "The evidence my ministry used";
    public const string CommunityTitle = "Labour inspectors' practice";

    /// <summary>
    /// Forum pages to look at: in week 1's discussion of the cohort, the goals learner's thread (edited once) with the
    /// tutor's quoting reply, her answer and an administrator's post she reported; a private community the tutor
    /// moderates, with the learners as members and a thread; a public one nobody joined.
    /// </summary>
    private static async Task SeedForumsAsync(TestSite site, HttpClient learner, HttpClient tutor)
    {
        using var admin = await site.ApiClientAsync(Accounts.AdminEmail);
        var forumId = (await learner.SendJsonAsync(HttpMethod.Get, $"/api/v1/courses/{TutorSupported}/modules/{ForumModule}/discussion", null, HttpStatusCode.OK))
            .GetProperty("forumId").GetInt64();
        var started = await learner.SendJsonAsync(HttpMethod.Post, $"/api/v1/forums/{forumId}/threads", new
        {
            title = ForumThreadTitle,
            body = "Our ministry raised the youth wage subsidy without a study.\n\n- the *labour force survey* of 2023\n- a [World Bank note](https://www.worldbank.org/)",
        }, HttpStatusCode.Created);
        var threadId = started.GetProperty("threadId").GetInt64();
        var firstPostId = started.GetProperty("postId").GetInt64();
        await learner.SendJsonAsync(HttpMethod.Patch, $"/api/v1/posts/{firstPostId}", new
        {
            body = "Our ministry raised the youth wage subsidy **without** a study.\n\n- the *labour force survey* of 2023\n- a [World Bank note](https://www.worldbank.org/)",
        }, HttpStatusCode.NoContent);
        var tutorPost = await tutor.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{threadId}/posts",
            new { body = "A good start. Which outcome did the survey measure?", parentPostId = firstPostId, quotePostId = firstPostId }, HttpStatusCode.Created);
        await learner.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{threadId}/posts",
            new { body = "Employment after twelve months.", parentPostId = tutorPost.GetProperty("postId").GetInt64() }, HttpStatusCode.Created);
        var advert = await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{threadId}/posts", new { body = "Sign up for our other course today!" }, HttpStatusCode.Created);
        await learner.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{advert.GetProperty("postId").GetInt64()}/reports", new { reason = "An advert, not a discussion" }, HttpStatusCode.NoContent);

        var communityId = (await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/communities",
            new { title = CommunityTitle, description = "Inspectors compare how they plan and report visits.", isPublic = false, openToRequests = true }, HttpStatusCode.Created))
            .GetProperty("id").GetInt64();
        await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/communities",
            new { title = "Open labour data", description = "Anyone signed in may read.", isPublic = true, openToRequests = true }, HttpStatusCode.Created);
        await using (var connection = site.Open())
        {
            foreach (var email in new[] { Accounts.TutorEmail, Accounts.LearnerEmail, Accounts.GoalsLearnerEmail })
            {
                var accountId = await connection.ExecuteScalarAsync<long>("SELECT id FROM account WHERE email = @email", new { email });
                await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/communities/{communityId}/members/{accountId}", new { action = "invite" }, HttpStatusCode.NoContent);
                if (email == Accounts.TutorEmail)
                {
                    await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/communities/{communityId}/members/{accountId}", new { action = "make-moderator" }, HttpStatusCode.NoContent);
                }
            }
        }

        var communityForumId = (await learner.SendJsonAsync(HttpMethod.Get, $"/api/v1/communities/{communityId}", null, HttpStatusCode.OK)).GetProperty("forumId").GetInt64();
        await learner.SendJsonAsync(HttpMethod.Post, $"/api/v1/forums/{communityForumId}/threads",
            new { title = "Planning visits to small workplaces", body = "How do you choose which of them to visit first?" }, HttpStatusCode.Created);
    }

    /// <summary>
    /// A forum page of the shared site: <c>{discussion}</c>, <c>{thread}</c>, <c>{community}</c> and
    /// <c>{community-forum}</c> in <paramref name="path"/> become the ids <see cref="PrepareSharedSiteAsync"/> created.
    /// </summary>
    public static async Task<string> ForumPathAsync(TestSite site, string path)
    {
        if (!path.Contains('{', StringComparison.Ordinal))
        {
            return path;
        }

        await using var connection = site.Open();
        var (threadId, forumId) = await connection.QuerySingleAsync<(long, long)>("SELECT id, forum_id FROM forum_thread WHERE title = @ForumThreadTitle", new { ForumThreadTitle });
        var (communityId, communityForumId) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT c.id, f.id FROM forum_community c JOIN forum f ON f.community_id = c.id WHERE c.title = @CommunityTitle", new { CommunityTitle });
        return path.Replace("{discussion}", forumId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{thread}", threadId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{community-forum}", communityForumId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{community}", communityId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
