using System.Net;
using System.Text.Json;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Forums;

/// <summary>
/// A site with the tutor-supported course in two cohorts (Ana learns in cohort A, tutored by Tina; Ben in cohort B,
/// tutored by Theo), the self-paced course tutored by Olga, and Nora, signed in but in neither.
/// </summary>
internal sealed class ForumFixture : IAsyncDisposable
{
    public const string Course = SamplePacks.TutorSupported;
    public const string OtherCourse = SamplePacks.SelfPaced;

    private ForumFixture(TestSite site) => Site = site;

    public TestSite Site { get; }

    public HttpClient Admin { get; private set; } = null!;

    public Dictionary<string, HttpClient> People { get; } = [];

    public Dictionary<string, long> Ids { get; } = [];

    public long CohortA { get; private set; }

    public long CohortB { get; private set; }

    public HttpClient this[string name] => People[name];

    public static async Task<ForumFixture> StartAsync(Action<Dictionary<string, string?>>? configure = null, TimeProvider? time = null)
    {
        var fixture = new ForumFixture(await SamplePacks.StartSiteAsync(time, configure, Course, OtherCourse));
        await fixture.SetUpAsync();
        return fixture;
    }

    private async Task SetUpAsync()
    {
        await Site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        foreach (var name in new[] { "ana", "ben", "tina", "theo", "olga", "nora" })
        {
            Ids[name] = await Site.CreateAccountAsync($"{name}@example.org", char.ToUpperInvariant(name[0]) + name[1..]);
        }

        Admin = await Site.ApiClientAsync("admin@example.org");
        await Site.SetEnrolmentAsync(Admin, Course, "open");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        CohortA = (await Admin.PostJsonAsync($"/api/v1/courses/{Course}/cohorts", new { name = "A", startsOn = today }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        CohortB = (await Admin.PostJsonAsync($"/api/v1/courses/{Course}/cohorts", new { name = "B", startsOn = today }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        (await Admin.PutAsync($"/api/v1/courses/{Course}/cohorts/{CohortA}/tutors/{Ids["tina"]}", null)).EnsureSuccessStatusCode();
        (await Admin.PutAsync($"/api/v1/courses/{Course}/cohorts/{CohortB}/tutors/{Ids["theo"]}", null)).EnsureSuccessStatusCode();
        (await Admin.PutAsync($"/api/v1/courses/{OtherCourse}/tutors/{Ids["olga"]}", null)).EnsureSuccessStatusCode();
        foreach (var name in Ids.Keys)
        {
            People[name] = await Site.ApiClientAsync($"{name}@example.org");
        }

        await this["ana"].PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { cohortId = CohortA }, HttpStatusCode.Created);
        await this["ben"].PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { cohortId = CohortB }, HttpStatusCode.Created);
    }

    /// <summary>The caller's course forum (the first forum listed: the course forum of their cohort).</summary>
    public async Task<long> CourseForumAsync(string name)
    {
        var forums = await this[name].GetJsonAsync($"/api/v1/courses/{Course}/forums");
        return forums.GetProperty("forums").EnumerateArray().First(f => f.GetProperty("kind").GetString() == "course").GetProperty("id").GetInt64();
    }

    public async Task<(long ThreadId, long PostId)> StartThreadAsync(string name, long forumId, string title = "Evidence in my work", string body = "Our ministry set a minimum wage without a study.")
    {
        var started = await this[name].PostJsonAsync($"/api/v1/forums/{forumId}/threads", new { title, body }, HttpStatusCode.Created);
        return (started.GetProperty("threadId").GetInt64(), started.GetProperty("postId").GetInt64());
    }

    public static async Task<HttpResponseMessage> PatchJsonAsync(HttpClient client, string path, object body) =>
        await client.PatchAsync(path, JsonContent(body));

    public static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        foreach (var client in People.Values)
        {
            client.Dispose();
        }

        await Site.DisposeAsync();
    }
}
