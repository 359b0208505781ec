using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECampus.Testing;

namespace ECampus.Web.Tests.Courses;

/// <summary>Small helpers for the course API tests: JSON in, JSON out, and the status asserted with the body on failure.</summary>
internal static class CourseApi
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(path)).JsonAsync(expected);

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, object? body, HttpStatusCode expected) =>
        await (await client.PostAsJsonAsync(path, body)).JsonAsync(expected);

    public static async Task<JsonElement> PutJsonAsync(this HttpClient client, string path, object? body, HttpStatusCode expected) =>
        await (await client.PutAsJsonAsync(path, body)).JsonAsync(expected);

    /// <summary>The state of each module, by id, from the learner's progress.</summary>
    public static async Task<Dictionary<string, string>> ModuleStatesAsync(this HttpClient client, string courseId) =>
        (await client.GetJsonAsync($"/api/v1/courses/{courseId}/modules")).EnumerateArray()
            .ToDictionary(m => m.GetProperty("moduleId").GetString()!, m => m.GetProperty("state").GetString()!);

    /// <summary>
    /// Completes a module the way its learner does: a module with quizzes completes when the quiz plug-in reports each
    /// of them done; any other module the learner marks as done.
    /// </summary>
    public static async Task CompleteModuleAsync(this TestSite site, HttpClient learner, string courseId, string moduleId)
    {
        var email = (await learner.GetJsonAsync("/api/v1/me")).GetProperty("email").GetString()!;
        if (!await site.CompleteActivitiesOfModuleAsync(email, courseId, moduleId))
        {
            await learner.PostJsonAsync($"/api/v1/courses/{courseId}/modules/{moduleId}/completion", null, HttpStatusCode.OK);
        }
    }

    /// <summary>Sets a course's enrolment rules as an administrator would.</summary>
    public static async Task SetEnrolmentAsync(this TestSite site, HttpClient admin, string courseId, string mode, int? capacity = null, string? key = null) =>
        await admin.PutJsonAsync($"/api/v1/admin/courses/{courseId}/settings",
            new { listed = true, enrolmentMode = mode, enrolmentKey = key, capacity }, HttpStatusCode.OK);
}
