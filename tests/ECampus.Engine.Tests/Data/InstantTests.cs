using Dapper;
using ECampus.Sdk;

namespace ECampus.Engine.Tests.Data;

/// <summary>
/// Instants are stored as ISO-8601 text in UTC with milliseconds (<see cref="SiteClock"/> makes every engine instant
/// whole milliseconds) and come back as the same instant.
/// </summary>
public sealed class InstantTests
{
    private EngineStorage _storage = null!;

    public static IEnumerable<TestCaseData> Instants { get; } =
    [
        new TestCaseData(new DateTimeOffset(2026, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(5.5)), "2026-03-14T03:56:53.589Z").SetName("AheadOfUtc"),
        new TestCaseData(new DateTimeOffset(2026, 12, 31, 20, 0, 0, 1, TimeSpan.FromHours(-8)), "2027-01-01T04:00:00.001Z").SetName("BehindUtc_AcrossNewYear"),
        new TestCaseData(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero), "0001-01-01T00:00:00.000Z").SetName("Earliest"),
        new TestCaseData(new DateTimeOffset(9999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero), "9999-12-31T23:59:59.999Z").SetName("Latest"),
    ];

    [SetUp]
    public async Task CreateStorage()
    {
        _storage = await EngineStorage.CreateAsync();
        await using var connection = _storage.Open();
        await connection.ExecuteAsync("CREATE TABLE probe (id INTEGER PRIMARY KEY, at TEXT, maybe TEXT)");
    }

    [TearDown]
    public async Task RemoveStorage() => await _storage.DisposeAsync();

    [TestCaseSource(nameof(Instants))]
    public async Task Instant_RoundTripsExactly_AsUtcText(DateTimeOffset instant, string stored)
    {
        var read = await RoundTripAsync(instant, null);

        Assert.Multiple(() =>
        {
            Assert.That(read.At, Is.EqualTo(instant));
            Assert.That(read.At.UtcTicks, Is.EqualTo(instant.UtcTicks));
            Assert.That(read.At.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(read.Text, Is.EqualTo(stored));
            Assert.That(read.Maybe, Is.Null);
        });
    }

    [Test]
    public async Task SiteClockInstant_RoundTripsExactly_IncludingAsNullable()
    {
        var now = SiteClock.Now(TimeProvider.System);

        var read = await RoundTripAsync(now, now);

        Assert.That((read.At, read.Maybe), Is.EqualTo((now, (DateTimeOffset?)now)));
    }

    [Test]
    public async Task StoredInstants_SortAsInstants_WhateverOffsetTheyWereWrittenWith()
    {
        var early = new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.FromHours(3));
        var late = new DateTimeOffset(2026, 5, 1, 8, 30, 0, TimeSpan.Zero);
        await RoundTripAsync(late, null);
        await RoundTripAsync(early, null);

        await using var connection = _storage.Open();
        var ordered = await connection.QueryAsync<DateTimeOffset>("SELECT at FROM probe ORDER BY at");

        Assert.That(ordered, Is.EqualTo(new[] { early, late }));
    }

    private async Task<(DateTimeOffset At, DateTimeOffset? Maybe, string Text)> RoundTripAsync(DateTimeOffset at, DateTimeOffset? maybe)
    {
        IDatabase database = _storage.Database;
        var id = await database.WriteAsync((connection, transaction) =>
            connection.ExecuteScalarAsync<long>("INSERT INTO probe (at, maybe) VALUES (@at, @maybe) RETURNING id", new { at, maybe }, transaction), CancellationToken.None);
        return await database.ReadAsync(async connection =>
        {
            var row = await connection.QuerySingleAsync<(DateTimeOffset At, DateTimeOffset? Maybe)>("SELECT at, maybe FROM probe WHERE id = @id", new { id });
            var text = await connection.ExecuteScalarAsync<string>("SELECT at FROM probe WHERE id = @id", new { id });
            return (row.At, row.Maybe, text!);
        }, CancellationToken.None);
    }
}
