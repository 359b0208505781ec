using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using ECampus.Engine.Data;
using ECampus.Sdk;
using Microsoft.Extensions.Options;

namespace ECampus.Engine.Accounts;

/// <summary>A live session or API token, as checked on every request.</summary>
public sealed record SessionInfo(long SessionId, long AccountId, string DisplayName, string Email, string Kind, IReadOnlySet<string> SiteRoles);

/// <summary>
/// Server-side sessions: the browser cookie and the API bearer token both carry an opaque random secret whose hash
/// is looked up on every request. Ending a session, suspending an account, changing roles or a password therefore
/// takes effect on the very next request, and a copied cookie is worthless once its session has ended.
/// </summary>
public sealed class Sessions
{
    public const string Browser = "browser";
    public const string Api = "api";

    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(5);

    private readonly IDatabase _database;
    private readonly TimeProvider _time;
    private readonly IOptions<EcampusOptions> _options;
    private readonly SessionCache _cache;

    public Sessions(IDatabase database, TimeProvider time, IOptions<EcampusOptions> options, RowChanges rowChanges)
    {
        _database = database;
        _time = time;
        _options = options;
        _cache = new SessionCache(time);
        rowChanges.Watch(SessionCache.Tables, _cache.Committed);
    }

    private const string LookupSql = """
        SELECT s.id AS SessionId, s.account_id AS AccountId, s.kind AS Kind, s.last_seen_at AS LastSeenAt, s.expires_at AS ExpiresAt,
               a.display_name AS DisplayName, a.email AS Email, a.status AS Status
        FROM account_session s JOIN account a ON a.id = s.account_id
        WHERE s.token_hash = @TokenHash AND s.revoked_at IS NULL;
        SELECT r.role FROM account_role r JOIN account_session s ON s.account_id = r.account_id
        WHERE s.token_hash = @TokenHash;
        """;

    private const string InsertSql = """
        INSERT INTO account_session (account_id, token_hash, kind, client, created_at, last_seen_at, expires_at)
        VALUES (@AccountId, @TokenHash, @Kind, @Client, @Now, @Now, @ExpiresAt)
        """;

    internal sealed record Row(long SessionId, long AccountId, string Kind, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, string DisplayName, string Email, string Status);

    /// <summary>Starts a session inside the caller's write transaction and returns its secret, shown once.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> StartAsync(
        DbConnection connection, DbTransaction transaction, long accountId, string kind, string? client, DateTimeOffset now)
    {
        var token = NewSecret();
        var accounts = _options.Value.Accounts;
        var expiresAt = now + (kind == Api ? accounts.ApiTokenLifetime : accounts.SessionAbsoluteTimeout);
        await connection.ExecuteAsync(InsertSql, new
        {
            AccountId = accountId,
            TokenHash = HashSecret(token),
            Kind = kind,
            Client = client is { Length: > 200 } ? client[..200] : client,
            Now = now,
            ExpiresAt = expiresAt,
        }, transaction);
        return (token, expiresAt);
    }

    /// <summary>The live session behind <paramref name="token"/>, or <c>null</c> when it is unknown, ended, expired, idle too long, or its account may not sign in.</summary>
    public async Task<SessionInfo?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var tokenHash = HashSecret(token);
        if (!_cache.TryGet(tokenHash, out var row, out var roles))
        {
            var generation = _cache.Generation;
            (row, roles) = await _database.ReadAsync(async connection =>
            {
                using var results = await connection.QueryMultipleAsync(new CommandDefinition(LookupSql, new { TokenHash = tokenHash }, cancellationToken: cancellationToken));
                var found = await results.ReadSingleOrDefaultAsync<Row>();
                IReadOnlySet<string> siteRoles = (await results.ReadAsync<string>()).ToHashSet(StringComparer.Ordinal);
                return (found, siteRoles);
            }, cancellationToken);
            _cache.Add(tokenHash, row, roles, generation);
        }

        var now = SiteClock.Now(_time);
        if (row is null || row.Status != "active" || now >= row.ExpiresAt)
        {
            return null;
        }

        if (row.Kind == Browser && now - row.LastSeenAt > _options.Value.Accounts.SessionIdleTimeout)
        {
            return null;
        }

        if (now - row.LastSeenAt > TouchInterval)
        {
            try
            {
                await _database.WriteAsync(
                    (connection, transaction) => connection.ExecuteAsync(
                        "UPDATE account_session SET last_seen_at = @Now WHERE id = @SessionId", new { Now = now, row.SessionId }, transaction),
                    cancellationToken);
            }
            catch (StorageUnavailableException)
            {
                // Only the idle clock is late; a busy or full database must not turn a read into a failure.
            }
        }

        return new SessionInfo(row.SessionId, row.AccountId, row.DisplayName, row.Email, row.Kind, roles);
    }

    public static Task<int> EndAsync(DbConnection connection, DbTransaction transaction, string token, DateTimeOffset now) =>
        connection.ExecuteAsync(
            "UPDATE account_session SET revoked_at = @Now WHERE token_hash = @TokenHash AND revoked_at IS NULL",
            new { Now = now, TokenHash = HashSecret(token) }, transaction);

    /// <summary>Ends every session and token of an account, except the one whose secret is <paramref name="keepToken"/>.</summary>
    public static Task<int> EndAllAsync(DbConnection connection, DbTransaction transaction, long accountId, DateTimeOffset now, string? keepToken = null) =>
        connection.ExecuteAsync(
            "UPDATE account_session SET revoked_at = @Now WHERE account_id = @AccountId AND revoked_at IS NULL AND token_hash <> @Keep",
            new { Now = now, AccountId = accountId, Keep = keepToken is null ? "" : HashSecret(keepToken) }, transaction);

    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
