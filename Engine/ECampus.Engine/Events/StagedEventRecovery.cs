using ECampus.Engine.Access;
using ECampus.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ECampus.Engine.Events;

/// <summary>
/// Delivers staged events whose writer never published them (the process stopped between commit and delivery): all of
/// them once the site has started, then every <see cref="SweepInterval"/> those older than <see cref="Grace"/>, which
/// leaves events a running request is about to publish to that request.
/// </summary>
public sealed partial class StagedEventRecovery(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<StagedEventRecovery> logger)
    : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Handlers may belong to plug-ins, which are ready once the site has started.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var before = SiteClock.Now(time);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverAsync(before, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(e);
            }

            try
            {
                await Task.Delay(SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            before = SiteClock.Now(time) - Grace;
        }
    }

    /// <summary>Delivers every staged event written before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> DeliverAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var delivered = 0;
        while (true)
        {
            IReadOnlyList<StagedEvent> batch;
            await using (var scope = scopes.CreateAsyncScope())
            {
                batch = await scope.ServiceProvider.GetRequiredService<EngineEvents>().LeftBehindAsync(before, Batch, cancellationToken);
            }

            foreach (var staged in batch)
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
                await scope.ServiceProvider.GetRequiredService<EngineEvents>().PublishAsync(staged, cancellationToken);
                delivered++;
            }

            if (delivered > 0 && batch.Count > 0)
            {
                LogDelivered(batch.Count);
            }

            if (batch.Count < Batch)
            {
                return delivered;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivered {Count} staged event(s) that their writer did not publish (a stopped process)")]
    private partial void LogDelivered(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering left-behind staged events failed; retrying at the next sweep")]
    private partial void LogSweepFailed(Exception exception);
}
