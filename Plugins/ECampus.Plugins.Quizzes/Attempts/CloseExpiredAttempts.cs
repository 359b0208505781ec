using Dapper;
using ECampus.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ECampus.Plugins.Quizzes.Attempts;

/// <summary>Closes and grades attempts left open past their deadline (and its grace), with the answers they saved.</summary>
public sealed class CloseExpiredAttempts(IDatabase database, QuizSnapshots snapshots, TimeProvider time, QuizzesOptions options, IEngineEvents events)
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = SiteClock.Now(time) - options.Grace;
        var expired = await database.ReadAsync(async connection => (await connection.QueryAsync<AttemptRow>(
            $"SELECT {AttemptRow.Columns} FROM quizzes_attempt WHERE status = 'open' AND deadline_at < @cutoff LIMIT 500", new { cutoff })).ToList(),
            cancellationToken);
        foreach (var attempt in expired)
        {
            await CloseAsync(attempt, cancellationToken);
        }

        return expired.Count;
    }

    public async Task CloseAsync(AttemptRow attempt, CancellationToken cancellationToken)
    {
        var now = SiteClock.Now(time);
        var closed = await database.WriteAsync(
            (connection, transaction) => AttemptClosing.CloseAsync(connection, transaction, snapshots, events, attempt, AttemptRow.Expired, now, cancellationToken),
            cancellationToken);
        await AttemptClosing.ReportAsync(events, closed, cancellationToken);
    }
}

/// <summary>Runs <see cref="CloseExpiredAttempts"/> every <see cref="QuizzesOptions.SweepInterval"/>.</summary>
public sealed partial class ExpiredAttemptSweep(IServiceScopeFactory scopes, QuizzesOptions options, TimeProvider time, ILogger<ExpiredAttemptSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var closed = await scope.ServiceProvider.GetRequiredService<CloseExpiredAttempts>().SweepAsync(stoppingToken);
                if (closed > 0)
                {
                    LogClosed(closed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed and graded {Count} quiz attempts left open past their deadline")]
    private partial void LogClosed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing expired quiz attempts failed; the next sweep tries again")]
    private partial void LogFailed(Exception exception);
}
