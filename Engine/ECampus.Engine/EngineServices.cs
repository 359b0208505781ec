using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Engine.Courses;
using ECampus.Engine.Data;
using ECampus.Engine.Events;
using ECampus.Engine.Features.Forums;
using ECampus.Engine.Mail;
using ECampus.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Engine;

public static class EngineServices
{
    /// <summary>Registers the engine: storage, accounts, access policy, events, mail delivery and the content packs.</summary>
    public static IServiceCollection AddEcampusEngine(this IServiceCollection services, IConfiguration configuration)
    {
        DapperSetup.ForSqlite();
        services.AddOptions<EcampusOptions>()
            .Bind(configuration.GetSection(EcampusOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StorageHealth>();
        services.AddSingleton<RowChanges>();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IDatabase>(provider => provider.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<Migrator>();
        services.AddSingleton<Passwords>();
        services.AddSingleton<Sessions>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<IAccessPolicy, AccessPolicy>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<ICurrentActor>(provider => provider.GetRequiredService<CurrentActor>());
        services.AddScoped<EngineEvents>();
        services.AddScoped<IEngineEvents>(provider => provider.GetRequiredService<EngineEvents>());
        services.AddSingleton<IAfterCommitWork, StagedEventRecovery>();
        services.AddHostedService<AfterCommitSweep>();
        services.AddSingleton<MailDelivery>();
        services.AddHostedService(provider => provider.GetRequiredService<MailDelivery>());
        services.AddSingleton<PackCatalog>();
        services.AddSingleton<PackWatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<PackWatcher>());
        services.AddSingleton<Completion>();
        services.AddSingleton<LearnerRecords>();
        services.AddSingleton<ICourseDirectory, CourseDirectory>();
        services.AddSingleton<Features.Accounts.AccountProfiles>();
        services.AddScoped<IEngineEventHandler<ActivityCompleted>, ActivityCompletions>();
        services.AddForums(configuration);
        return services;
    }
}
