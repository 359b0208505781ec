using Dapper;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Testing;

/// <summary>Activities reported complete exactly as the plug-ins owning their types report them (a quiz passed, ...).</summary>
public static class LearnerActivities
{
    /// <summary>
    /// Reports every activity that completes <paramref name="moduleId"/> done for the learner; false when the module has
    /// none (the learner marks it as done instead).
    /// </summary>
    public static async Task<bool> CompleteActivitiesOfModuleAsync(this TestSite site, string email, string courseId, string moduleId)
    {
        ArgumentNullException.ThrowIfNull(site);
        var module = site.Services.GetRequiredService<PackCatalog>().Find(courseId)?.Pack.FindModule(moduleId)
            ?? throw new InvalidOperationException($"{courseId} has no module {moduleId}.");
        var activities = site.Services.GetRequiredService<Completion>().RequiredActivities(module);
        var accountId = await site.AccountIdAsync(email);
        foreach (var activity in activities)
        {
            await site.ReportActivityAsync(new ActivityCompleted(accountId, courseId, activity.Type, activity.Id, DateTimeOffset.UtcNow));
        }

        return activities.Count > 0;
    }

    public static async Task ReportActivityAsync(this TestSite site, ActivityCompleted completed)
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IEngineEvents>().PublishAsync(completed, CancellationToken.None);
    }

    public static async Task<long> AccountIdAsync(this TestSite site, string email)
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var connection = site.Open();
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM account WHERE email_normalized = lower(@email)", new { email });
    }
}
