using System.Data.Common;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ECampus.Engine.Courses;

/// <summary>
/// Learners' records kept in memory between their page views. Each read still asks the database for the enrolment
/// and its record version (one indexed lookup); the rest of the record — progress, completed activities, goals,
/// completion — is read again only when the version moved, which the database does on every change to those rows
/// (0004_learner_record_version.sql). So a kept record is never stale, whichever process or node wrote the change.
/// Writes read the record inside their transaction with <see cref="LearnerRecord.ReadAsync"/>, not from here.
/// </summary>
public sealed class LearnerRecords : IDisposable
{
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(20);

    private readonly MemoryCache _kept;

    public LearnerRecords(IOptions<EcampusOptions> options)
    {
        _kept = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.LearnerRecordCacheRows) });
    }

    /// <summary>The record of <paramref name="accountId"/> in <paramref name="courseId"/>; <see cref="LearnerRecord.None"/> when they never enrolled.</summary>
    public async Task<LearnerRecord> ReadAsync(DbConnection connection, string courseId, long accountId, CancellationToken cancellationToken)
    {
        var head = await LearnerRecord.ReadHeadAsync(connection, courseId, accountId, cancellationToken);
        if (head is null)
        {
            return LearnerRecord.None;
        }

        var key = (courseId, accountId);
        if (_kept.TryGetValue(key, out Kept? kept) && kept!.Version == head.Version)
        {
            return kept.Rows.Under(head, courseId);
        }

        // Read after the version, so these rows are at least as new as it: a change in between only costs another read.
        var rows = await LearnerRecord.ReadRowsAsync(connection, courseId, accountId, cancellationToken);
        _kept.Set(key, new Kept(head.Version, rows), new MemoryCacheEntryOptions { Size = rows.Count, SlidingExpiration = IdleLifetime });
        return rows.Under(head, courseId);
    }

    public void Dispose() => _kept.Dispose();

    private sealed record Kept(long Version, LearnerRecord.Rows Rows);
}
