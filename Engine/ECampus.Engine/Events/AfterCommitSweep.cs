using ECampus.Sdk;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ECampus.Engine.Events;

/// <summary>
/// Work a writer promised in its write and does after the commit (delivering staged events, notifying a post's
/// followers), which a stopped process or a failed second write may have left undone.
/// </summary>
public interface IAfterCommitWork
{
    /// <summary>Finishes what was promised before <paramref name="before"/> and is still undone; returns how many items.</summary>
    Task<int> FinishAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>
/// Finishes left-behind after-commit work: all of it once the site has started, then every <see cref="SweepInterval"/>
/// what is older than <see cref="Grace"/>, which leaves work a running request is about to do to that request.
/// </summary>
public sealed partial class AfterCommitSweep(IEnumerable<IAfterCommitWork> work, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<AfterCommitSweep> logger)
    : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Event handlers may belong to plug-ins, which are ready once the site has started.
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
            foreach (var item in work)
            {
                try
                {
                    var finished = await item.FinishAsync(before, stoppingToken);
                    if (finished > 0)
                    {
                        LogFinished(finished, item.GetType().Name);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogSweepFailed(e, item.GetType().Name);
                }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finished {Count} item(s) of {Work} that their writer left undone (a stopped process or a failed write)")]
    private partial void LogFinished(int count, string work);

    [LoggerMessage(Level = LogLevel.Error, Message = "Finishing left-behind {Work} failed; retrying at the next sweep")]
    private partial void LogSweepFailed(Exception exception, string work);
}
