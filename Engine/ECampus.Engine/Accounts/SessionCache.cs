using System.Collections.Concurrent;
using ECampus.Engine.Data;

namespace ECampus.Engine.Accounts;

/// <summary>
/// Recent session lookups kept in memory, so a signed-in request costs no database read. A write to a session, its
/// account or any site role drops the affected entries after it commits and before its caller answers (see
/// <see cref="RowChanges"/>), so sign-out, suspension, role and password changes still apply on the very next
/// request. Entries also expire after <see cref="MaxAge"/>, which bounds how late a change made by another process
/// (a command-line verb on the same database) is seen.
/// </summary>
internal sealed class SessionCache(TimeProvider time)
{
    public static readonly IReadOnlyList<string> Tables = ["account_session", "account", "account_role"];

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _generation;

    private sealed record Entry(Sessions.Row Row, IReadOnlySet<string> Roles, long CachedAt);

    /// <summary>Read before a database lookup and handed to <see cref="Add"/>: a lookup that raced with a change is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string tokenHash, out Sessions.Row? row, out IReadOnlySet<string> roles)
    {
        if (_entries.TryGetValue(tokenHash, out var entry) && time.GetElapsedTime(entry.CachedAt) < MaxAge)
        {
            (row, roles) = (entry.Row, entry.Roles);
            return true;
        }

        (row, roles) = (null, new HashSet<string>());
        return false;
    }

    /// <summary>Keeps a found session, unless a watched row changed since <paramref name="generation"/> was read.</summary>
    public void Add(string tokenHash, Sessions.Row? row, IReadOnlySet<string> roles, long generation)
    {
        if (row is null)
        {
            return; // Unknown secrets are not remembered: guessing must not fill the memory.
        }

        lock (_gate)
        {
            if (_generation != generation)
            {
                return;
            }

            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            _entries[tokenHash] = new Entry(row, roles, time.GetTimestamp());
        }
    }

    /// <summary>Drops the entries of the sessions and accounts a committed write changed; a role change drops them all.</summary>
    public void Committed(IReadOnlyList<RowChange> changes)
    {
        lock (_gate)
        {
            _generation++;
            if (changes.Any(change => change.Table == "account_role"))
            {
                _entries.Clear();
                return;
            }

            var sessions = changes.Where(c => c.Table == "account_session").Select(c => c.RowId).ToHashSet();
            var accounts = changes.Where(c => c.Table == "account").Select(c => c.RowId).ToHashSet();
            foreach (var (tokenHash, entry) in _entries)
            {
                if (sessions.Contains(entry.Row.SessionId) || accounts.Contains(entry.Row.AccountId))
                {
                    _entries.TryRemove(tokenHash, out _);
                }
            }
        }
    }
}
