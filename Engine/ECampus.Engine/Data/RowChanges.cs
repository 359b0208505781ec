using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ECampus.Engine.Data;

/// <summary>A row that a committed write inserted, updated or deleted.</summary>
public readonly record struct RowChange(string Table, long RowId);

/// <summary>
/// Tells in-process caches which rows of the tables they watch a write changed, once that write has committed and
/// before its caller gets the receipt, so a cache never serves a row older than the last answer the site gave.
/// SQLite reports each changed row through its update hook on the writing connection; tables without a rowid are
/// not reported (none of the watched tables is one).
/// </summary>
public sealed class RowChanges
{
    private readonly Lock _gate = new();
    private volatile Watcher[] _watchers = [];

    internal sealed record Watcher(IReadOnlySet<string> Tables, Action<IReadOnlyList<RowChange>> Committed);

    /// <summary>Calls <paramref name="committed"/> after every commit that changed a row of one of <paramref name="tables"/>.</summary>
    public void Watch(IEnumerable<string> tables, Action<IReadOnlyList<RowChange>> committed)
    {
        lock (_gate)
        {
            _watchers = [.. _watchers, new Watcher(tables.ToHashSet(StringComparer.Ordinal), committed)];
        }
    }

    /// <summary>Starts recording the watched rows one write transaction on <paramref name="connection"/> changes.</summary>
    public Recording Record(SqliteConnection connection)
    {
        var watchers = _watchers;
        return watchers.Length == 0 ? Recording.None : new Recording(connection, watchers);
    }

    /// <summary>The rows one write changed so far; <see cref="Publish"/> after the commit.</summary>
    public sealed class Recording : IDisposable
    {
        internal static readonly Recording None = new(null, []);

        private readonly SqliteConnection? _connection;
        private readonly Watcher[] _watchers;
        private readonly List<RowChange> _changes = [];

        internal Recording(SqliteConnection? connection, Watcher[] watchers)
        {
            _connection = connection;
            _watchers = watchers;
            if (connection is not null)
            {
                raw.sqlite3_update_hook(connection.Handle, OnRowChanged, null);
            }
        }

        /// <summary>How many rows were recorded so far; pass it to <see cref="RolledBackTo"/> when a savepoint is undone.</summary>
        public int Mark => _changes.Count;

        /// <summary>Forgets the rows recorded after <paramref name="mark"/>: their savepoint was rolled back.</summary>
        public void RolledBackTo(int mark) => _changes.RemoveRange(mark, _changes.Count - mark);

        /// <summary>Hands the recorded rows to the caches watching their tables.</summary>
        public void Publish()
        {
            foreach (var watcher in _watchers)
            {
                var relevant = _changes.Where(change => watcher.Tables.Contains(change.Table)).ToList();
                if (relevant.Count > 0)
                {
                    watcher.Committed(relevant);
                }
            }
        }

        public void Dispose()
        {
            if (_connection?.Handle is { } handle)
            {
                raw.sqlite3_update_hook(handle, (delegate_update?)null, null);
            }
        }

        private void OnRowChanged(object userData, int type, utf8z database, utf8z table, long rowId)
        {
            var name = table.utf8_to_string();
            if (_watchers.Any(watcher => watcher.Tables.Contains(name)))
            {
                _changes.Add(new RowChange(name, rowId));
            }
        }
    }
}
