using ECampus.Sdk;
using Microsoft.Data.Sqlite;

namespace ECampus.Engine.Data;

/// <summary>Turns the storage failures a person can do nothing about but wait into one retriable answer.</summary>
public static class StorageErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteFull = 13;

    public static StorageUnavailableException Busy(Exception? inner = null) =>
        new(503, "The site is busy and did not save this. Nothing was changed; please try again in a few seconds.", inner);

    public static StorageUnavailableException Full(Exception? inner = null) =>
        new(507, "The site's storage is full and did not save this. Nothing was changed; please try again later.", inner);

    public static StorageUnavailableException? Translate(SqliteException e) => e.SqliteErrorCode switch
    {
        SqliteBusy or SqliteLocked => Busy(e),
        SqliteFull => Full(e),
        _ => null,
    };
}
