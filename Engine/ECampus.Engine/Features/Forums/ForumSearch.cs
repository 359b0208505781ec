using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;

namespace ECampus.Engine.Features.Forums;

/// <summary>One search hit: the post, its thread and a plain-text snippet around the match.</summary>
public sealed class ForumSearchHit
{
    public long PostId { get; init; }
    public long ThreadId { get; init; }
    public long ForumId { get; init; }
    public string ThreadTitle { get; init; } = "";
    public string AuthorName { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string Snippet { get; init; } = "";
}

/// <summary>
/// Full-text search of forum posts. Posting use cases keep the index in the same transaction as the post; searching
/// returns only visible posts in the forums the caller was already allowed into. SQLite FTS5 serves it now; a
/// PostgreSQL deployment implements the same interface with <c>tsvector</c>.
/// </summary>
public interface IForumSearch
{
    Task IndexAsync(DbConnection connection, DbTransaction transaction, long postId, string title, string markdown);

    Task<IReadOnlyList<ForumSearchHit>> SearchAsync(DbConnection connection, IReadOnlyCollection<long> forumIds, string query, int limit, CancellationToken cancellationToken);
}

public sealed partial class SqliteForumSearch : IForumSearch
{
    public async Task IndexAsync(DbConnection connection, DbTransaction transaction, long postId, string title, string markdown)
    {
        await connection.ExecuteAsync("DELETE FROM forum_post_fts WHERE rowid = @PostId", new { PostId = postId }, transaction);
        await connection.ExecuteAsync("INSERT INTO forum_post_fts (rowid, title, body) VALUES (@PostId, @Title, @Body)",
            new { PostId = postId, Title = title, Body = markdown }, transaction);
    }

    public async Task<IReadOnlyList<ForumSearchHit>> SearchAsync(DbConnection connection, IReadOnlyCollection<long> forumIds, string query, int limit, CancellationToken cancellationToken)
    {
        var match = ToMatchExpression(query);
        if (match is null || forumIds.Count == 0)
        {
            return [];
        }

        const string Sql = """
            SELECT p.id AS PostId, t.id AS ThreadId, t.forum_id AS ForumId, t.title AS ThreadTitle, a.display_name AS AuthorName, p.created_at AS CreatedAt,
                   snippet(forum_post_fts, 1, '', '', '…', 16) AS Snippet
            FROM forum_post_fts
            JOIN forum_post p ON p.id = forum_post_fts.rowid
            JOIN forum_thread t ON t.id = p.thread_id
            JOIN account a ON a.id = p.author_id
            WHERE forum_post_fts MATCH @Match AND t.forum_id IN @ForumIds
              AND p.deleted_at IS NULL AND p.is_hidden = 0 AND t.deleted_at IS NULL AND t.is_hidden = 0
            ORDER BY forum_post_fts.rank
            LIMIT @Limit
            """;
        return (await connection.QueryAsync<ForumSearchHit>(new CommandDefinition(Sql, new { Match = match, ForumIds = forumIds, Limit = limit }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Words only, each quoted (FTS5 operators in the input are just text), all required, the last as a prefix.</summary>
    public static string? ToMatchExpression(string query)
    {
        var words = Word().Matches(query).Select(m => m.Value).Take(12).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        return string.Join(' ', words.Select((w, i) => "\"" + w + "\"" + (i == words.Count - 1 ? "*" : "")));
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
