using System.Data.Common;

namespace ECampus.Sdk;

/// <summary>
/// The site's database. Reads run concurrently; writes go through one writer path that takes the write lock
/// up front, commits durably before returning, and turns "busy" or "disk full" into <see cref="StorageUnavailableException"/>.
/// </summary>
public interface IDatabase
{
    /// <summary>Which SQL dialect the database speaks: <c>sqlite</c> or <c>postgresql</c>.</summary>
    string Dialect { get; }

    /// <summary>Runs read-only work on a pooled connection.</summary>
    Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs work inside one write transaction; it is committed when the work returns and rolled back if it throws.</summary>
    Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken);
}
