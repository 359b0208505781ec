using System.Net;
using System.Net.Http.Json;
using Dapper;
using ECampus.Sdk;
using ECampus.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Engine.Tests.Data;

/// <summary>The one writer path under many simultaneous requests: every acknowledged write is there, none twice.</summary>
public sealed class ConcurrentWriteTests
{
    private TestSite _site = null!;

    [OneTimeSetUp]
    public async Task StartSite() => _site = await TestSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task TwoHundredConcurrentWrites_AllLand()
    {
        var database = _site.Services.GetRequiredService<IDatabase>();

        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => database.WriteAsync((connection, transaction) =>
            connection.ExecuteScalarAsync<long>(
                "INSERT INTO audit_event (at, action, subject) VALUES ('2026-01-01T00:00:00.000Z', 'test.concurrent', @subject) RETURNING id",
                new { subject = $"write:{i}" }, transaction), CancellationToken.None))));

        await using var connection = _site.Open();
        var stored = (await connection.QueryAsync<(long Id, string Subject)>("SELECT id, subject FROM audit_event WHERE action = 'test.concurrent'")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids.Distinct().Count(), Is.EqualTo(200), "two writes were acknowledged with the same id");
            Assert.That(stored.Select(row => row.Id), Is.EquivalentTo(ids), "an acknowledged write is missing");
            Assert.That(stored.Select(row => row.Subject), Is.EquivalentTo(Enumerable.Range(0, 200).Select(i => $"write:{i}")));
        });
    }

    [Test]
    public async Task FortyConcurrentApiRegistrations_AllLand()
    {
        using var client = _site.Client();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = $"learner{i}@example.org", password = TestSite.StrongPassword, displayName = $"Learner {i}" })));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        await using var connection = _site.Open();
        var emails = await connection.QueryAsync<string>("SELECT email FROM account WHERE email LIKE 'learner%@example.org'");
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Created));
            Assert.That(emails, Is.EquivalentTo(Enumerable.Range(0, 40).Select(i => $"learner{i}@example.org")));
        });
    }

    [Test]
    public async Task RacingRegistrationsOfOneEmail_ExactlyOneWins()
    {
        using var client = _site.Client();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = "twin@example.org", password = TestSite.StrongPassword, displayName = $"Twin {i}" })));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        await using var connection = _site.Open();
        var stored = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM account WHERE email_normalized = 'twin@example.org'");
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(s => s == HttpStatusCode.Created), Is.EqualTo(1), string.Join(", ", statuses));
            Assert.That(statuses.Count(s => s == HttpStatusCode.Conflict), Is.EqualTo(7), string.Join(", ", statuses));
            Assert.That(stored, Is.EqualTo(1));
        });
    }
}
