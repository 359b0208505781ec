using ECampus.Engine.Access;
using ECampus.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Engine.Events;

/// <summary>Delivers staged events whose writer never published them (the process stopped between commit and delivery).</summary>
public sealed class StagedEventRecovery(IServiceScopeFactory scopes) : IAfterCommitWork
{
    private const int Batch = 500;

    /// <summary>Delivers every staged event written before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> FinishAsync(DateTimeOffset before, CancellationToken cancellationToken)
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

            if (batch.Count < Batch)
            {
                return delivered;
            }
        }
    }
}
