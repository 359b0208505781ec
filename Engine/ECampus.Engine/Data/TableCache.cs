using System.Collections.Concurrent;

namespace ECampus.Engine.Data;

/// <summary>
/// Answers read from a few tables, kept in memory until any row of those tables changes (told by
/// <see cref="RowChanges"/> after the commit, before the writer answers) or <see cref="MaxAge"/> passes, which
/// bounds how late a change made by another process is seen. For data read on nearly every request and written
/// rarely, such as who holds which role in which course.
/// </summary>
public sealed class TableCache<TKey, TValue>
    where TKey : notnull
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<TKey, (TValue Value, long CachedAt)> _entries = new();
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private long _generation;

    public TableCache(RowChanges rowChanges, TimeProvider time, params string[] tables)
    {
        ArgumentNullException.ThrowIfNull(rowChanges);
        _time = time;
        rowChanges.Watch(tables, _ => Clear());
    }

    /// <summary>The cached answer for <paramref name="key"/>, or a fresh one read by <paramref name="read"/>.</summary>
    public async Task<TValue> GetAsync(TKey key, Func<Task<TValue>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (_entries.TryGetValue(key, out var entry) && _time.GetElapsedTime(entry.CachedAt) < MaxAge)
        {
            return entry.Value;
        }

        var generation = Interlocked.Read(ref _generation);
        var value = await read();
        lock (_gate)
        {
            // An answer read while a change committed may be stale: it is used once, not kept.
            if (_generation == generation)
            {
                if (_entries.Count >= MaxEntries)
                {
                    _entries.Clear();
                }

                _entries[key] = (value, _time.GetTimestamp());
            }
        }

        return value;
    }

    private void Clear()
    {
        lock (_gate)
        {
            _generation++;
            _entries.Clear();
        }
    }
}
