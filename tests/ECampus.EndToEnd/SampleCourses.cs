using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
