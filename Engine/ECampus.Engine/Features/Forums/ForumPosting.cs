using System.Data.Common;
using Dapper;
using ECampus.Content.Rendering;
using ECampus.Sdk;

namespace ECampus.Engine.Features.Forums;

/// <summary>What starting a thread and replying share: limits, rendering, the rate limit, and the bookkeeping of a new post.</summary>
public static class ForumPosting
{
    public static string RequireTitle(string? title, ForumOptions options)
    {
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw InvalidInputException.For("title", "Give the thread a title.");
        }

        if (trimmed.Length > options.MaxTitleLength)
        {
            throw InvalidInputException.For("title", $"A title has at most {options.MaxTitleLength} characters.");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw InvalidInputException.For("title", "A title is one line of text.");
        }

        return trimmed;
    }

    /// <summary>Renders a body through the pack pipeline (Markdig, then the URL and HTML allow-lists); refuses empty, oversized or too complex text.</summary>
    public static (string Markdown, string Html) RenderBody(string? body, ForumOptions options)
    {
        var markdown = (body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (markdown.Length == 0)
        {
            throw InvalidInputException.For("body", "Write something first.");
        }

        if (markdown.Length > options.MaxBodyLength)
        {
            throw InvalidInputException.For("body", $"A post has at most {options.MaxBodyLength:N0} characters; this one has {markdown.Length:N0}.");
        }

        var rendered = SafeMarkdown.Shared.Render(markdown, SafeMarkdownOptions.ForumPost with { MaxLength = options.MaxBodyLength, IdPrefix = "post-content-" });
        if (rendered.IsRejected)
        {
            throw InvalidInputException.For("body", rendered.Diagnostics[0].Message);
        }

        return (markdown, rendered.Html);
    }

    /// <summary>Counted in the database, inside the write, so the limit holds across restarts and processes.</summary>
    public static async Task RequireWithinRateAsync(DbConnection connection, DbTransaction transaction, long accountId, DateTimeOffset now, ForumOptions options)
    {
        var since = now - options.PostingWindow;
        var recent = await connection.QueryAsync<DateTimeOffset>(
            "SELECT created_at FROM forum_post WHERE author_id = @AccountId AND created_at > @Since ORDER BY created_at LIMIT @Max",
            new { AccountId = accountId, Since = since, Max = options.MaxPostsPerWindow }, transaction);
        var times = recent.ToList();
        if (times.Count >= options.MaxPostsPerWindow)
        {
            throw new ThrottledException(times[0] + options.PostingWindow - now);
        }
    }

    /// <summary>
    /// Stores a post and what must change with it (the thread's last post, the author's read mark and subscription, the
    /// search index); its followers are notified after the commit by <see cref="ForumFollowers"/>.
    /// </summary>
    public static async Task<long> AddPostAsync(
        DbConnection connection, DbTransaction transaction, IForumSearch search, long threadId, string threadTitle,
        long? parentId, long? quotePostId, long authorId, (string Markdown, string Html) body, DateTimeOffset now, bool isFirst)
    {
        var postId = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO forum_post (thread_id, parent_id, quote_post_id, author_id, body_markdown, body_html, created_at, followers_pending)
            VALUES (@ThreadId, @ParentId, @QuotePostId, @AuthorId, @Markdown, @Html, @Now, 1) RETURNING id
            """, new { ThreadId = threadId, ParentId = parentId, QuotePostId = quotePostId, AuthorId = authorId, body.Markdown, body.Html, Now = now }, transaction);
        await connection.ExecuteAsync("""
            UPDATE forum_thread SET last_post_at = @Now, last_post_id = @PostId, reply_count = reply_count + @Reply WHERE id = @ThreadId
            """, new { Now = now, PostId = postId, ThreadId = threadId, Reply = isFirst ? 0 : 1 }, transaction);
        await MarkReadAsync(connection, transaction, authorId, threadId, postId);
        await connection.ExecuteAsync("""
            INSERT INTO forum_thread_subscription (account_id, thread_id, since) VALUES (@AuthorId, @ThreadId, @Now) ON CONFLICT DO NOTHING
            """, new { AuthorId = authorId, ThreadId = threadId, Now = now }, transaction);
        await search.IndexAsync(connection, transaction, postId, isFirst ? threadTitle : "", body.Markdown);
        return postId;
    }

    /// <summary>
    /// Marks notifications hidden or visible again as moderation left their post and its thread, so the unread count
    /// (an index count) matches the notifications list: those of one post, or of every post in a thread when no post is given.
    /// </summary>
    public static Task RefreshNotificationVisibilityAsync(DbConnection connection, DbTransaction transaction, long threadId, long? postId = null) =>
        connection.ExecuteAsync("""
            UPDATE forum_notification SET hidden = (
                SELECT p.deleted_at IS NOT NULL OR p.is_hidden OR t.deleted_at IS NOT NULL OR t.is_hidden
                FROM forum_post p JOIN forum_thread t ON t.id = p.thread_id WHERE p.id = forum_notification.post_id)
            WHERE post_id IN (SELECT id FROM forum_post WHERE thread_id = @ThreadId AND (@PostId IS NULL OR id = @PostId))
            """, new { ThreadId = threadId, PostId = postId }, transaction);

    public static Task MarkReadAsync(DbConnection connection, DbTransaction transaction, long accountId, long threadId, long postId) =>
        connection.ExecuteAsync("""
            INSERT INTO forum_read (account_id, thread_id, last_read_post_id) VALUES (@AccountId, @ThreadId, @PostId)
            ON CONFLICT (account_id, thread_id) DO UPDATE SET last_read_post_id = max(last_read_post_id, excluded.last_read_post_id)
            """, new { AccountId = accountId, ThreadId = threadId, PostId = postId }, transaction);

    public static Task LogAsync(DbConnection connection, DbTransaction transaction, long forumId, long? threadId, long? postId, string action, string? reason, long actorId, DateTimeOffset now) =>
        connection.ExecuteAsync("""
            INSERT INTO forum_moderation_log (forum_id, thread_id, post_id, action, reason, actor_id, at)
            VALUES (@ForumId, @ThreadId, @PostId, @Action, @Reason, @ActorId, @Now)
            """, new { ForumId = forumId, ThreadId = threadId, PostId = postId, Action = action, Reason = reason, ActorId = actorId, Now = now }, transaction);
}
