using System.Collections.Concurrent;
using ECampus.Sdk;
using Microsoft.Extensions.Options;

namespace ECampus.Engine.Accounts;

/// <summary>
/// Counts failed attempts per account and per client address over a sliding window and refuses further attempts
/// once either is over its limit. Shared by every sign-in path: the page, the token endpoint and password reset.
/// </summary>
/// <remarks>In memory: one node's view. A scale-out deployment moves these counters to the shared database.</remarks>
public sealed class SignInThrottle(TimeProvider time, IOptions<EcampusOptions> options)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>Throws <see cref="ThrottledException"/> when the account or the address has failed too often.</summary>
    public void Check(string? accountKey, string? address)
    {
        var settings = options.Value.Accounts;
        var wait = TimeSpan.Zero;
        if (accountKey is not null)
        {
            wait = Max(wait, WaitFor("account:" + accountKey, settings.MaxFailuresPerAccount));
        }

        if (address is not null)
        {
            wait = Max(wait, WaitFor("address:" + address, settings.MaxFailuresPerAddress));
        }

        if (wait > TimeSpan.Zero)
        {
            throw new ThrottledException(wait);
        }
    }

    public void RecordFailure(string? accountKey, string? address)
    {
        if (accountKey is not null)
        {
            Record("account:" + accountKey);
        }

        if (address is not null)
        {
            Record("address:" + address);
        }
    }

    public void RecordSuccess(string accountKey) => _failures.TryRemove("account:" + accountKey, out _);

    private TimeSpan WaitFor(string key, int limit)
    {
        if (!_failures.TryGetValue(key, out var queue))
        {
            return TimeSpan.Zero;
        }

        lock (queue)
        {
            Prune(queue);
            if (queue.Count < limit)
            {
                return TimeSpan.Zero;
            }

            return queue.Peek() + options.Value.Accounts.ThrottleWindow - time.GetUtcNow();
        }
    }

    private void Record(string key)
    {
        var queue = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            Prune(queue);
            queue.Enqueue(time.GetUtcNow());
        }
    }

    private void Prune(Queue<DateTimeOffset> queue)
    {
        var horizon = time.GetUtcNow() - options.Value.Accounts.ThrottleWindow;
        while (queue.Count > 0 && queue.Peek() <= horizon)
        {
            queue.Dequeue();
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
