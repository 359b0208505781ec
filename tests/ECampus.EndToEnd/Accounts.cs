using Dapper;
using ECampus.Testing;

namespace ECampus.EndToEnd;

/// <summary>People the tests put on a site directly, so a page shows every kind of account it must handle.</summary>
internal static class Accounts
{
    public const string AdminEmail = "admin@example.org";
    public const string LearnerEmail = "learner@example.org";
    public const string LearnerName = "Lena Learner";
    public const string TutorEmail = "tutor@example.org";
    public const string TutorName = "Tomás Tutor";
    public const string GoalsLearnerEmail = "gita@example.org";
    public const string GoalsLearnerName = "Gita Goals";

    /// <summary>
    /// An administrator, an author, a tutor, two active learners, a pending registration and a suspended account.
    /// Returns the tutor's account id.
    /// </summary>
    public static async Task<long> AddEveryKindAsync(TestSite site)
    {
        await site.CreateAccountAsync(AdminEmail, "Ada Admin", TestSite.StrongPassword, "admin");
        await site.CreateAccountAsync(LearnerEmail, LearnerName);
        await site.CreateAccountAsync("author@example.org", "Aurelio Author-Contreras", TestSite.StrongPassword, "author");
        await SetStatusAsync(site, await site.CreateAccountAsync("pending@example.org", "Priya Pending"), "pending");
        await SetStatusAsync(site, await site.CreateAccountAsync("suspended.with.a.rather.long.address@example.org", "Sam Suspended"), "suspended");
        await site.CreateAccountAsync(GoalsLearnerEmail, GoalsLearnerName);
        return await site.CreateAccountAsync(TutorEmail, TutorName);
    }

    private static async Task SetStatusAsync(TestSite site, long accountId, string status)
    {
        await using var connection = site.Open();
        await connection.ExecuteAsync("UPDATE account SET status = @status WHERE id = @accountId", new { status, accountId });
    }
}
