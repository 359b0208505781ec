using ECampus.Engine.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Engine.Features.Forums;

public static class ForumServices
{
    /// <summary>Forum access, search (SQLite FTS5), limits from <c>ECampus:Forums</c>, and the digest job.</summary>
    public static IServiceCollection AddForums(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForumOptions>().Bind(configuration.GetSection(ForumOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ForumAccess>();
        services.AddSingleton<ForumUnreadCounts>();
        services.AddSingleton<ForumFollowers>();
        services.AddSingleton<IAfterCommitWork>(provider => provider.GetRequiredService<ForumFollowers>());
        services.AddSingleton<IForumSearch, SqliteForumSearch>();
        services.AddHostedService<ForumDigestJob>();
        return services;
    }
}
