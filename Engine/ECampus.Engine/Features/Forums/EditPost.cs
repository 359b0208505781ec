using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;
using Microsoft.Extensions.Options;

namespace ECampus.Engine.Features.Forums;

/// <summary>
/// The author edits their post within the edit window, while the thread is open. The text it replaces is kept as a
/// revision moderators can read.
/// </summary>
public sealed record EditPost(long PostId, string Body) : ICommand, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed class EditPostHandler(IDatabase database, ForumAccess access, IForumSearch search, ICurrentActor current, IEngineEvents events, IOptions<ForumOptions> options, TimeProvider time)
    : ICommandHandler<EditPost>
{
    public async ValueTask<Unit> Handle(EditPost command, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var body = ForumPosting.RenderBody(command.Body, limits);
        var actor = current.Actor;
        var now = SiteClock.Now(time);
        var (forumId, threadId) = await database.WriteAsync(async (connection, transaction) =>
        {
            var (grant, thread) = await access.RequirePostAsync(connection, actor, command.PostId, cancellationToken, transaction);
            var post = await connection.QuerySingleAsync<(long AuthorId, string Markdown, string CreatedAt, string? EditedAt, string? DeletedAt, long? ParentId)>(
                "SELECT author_id, body_markdown, created_at, edited_at, deleted_at, parent_id FROM forum_post WHERE id = @Id", new { Id = command.PostId }, transaction);
            if (post.AuthorId != actor.AccountId || post.DeletedAt is not null)
            {
                throw new AccessDeniedException("Only the author may edit a post.");
            }

            if (thread.IsLocked || !grant.CanPost)
            {
                throw new ConflictException("This thread is locked: its posts can no longer be edited.");
            }

            var written = DateTimeOffset.Parse(post.EditedAt ?? post.CreatedAt, System.Globalization.CultureInfo.InvariantCulture);
            if (now - DateTimeOffset.Parse(post.CreatedAt, System.Globalization.CultureInfo.InvariantCulture) > limits.EditWindow)
            {
                throw new ConflictException($"Posts can be edited for {limits.EditWindow.TotalMinutes:0} minutes after they are written.");
            }

            await connection.ExecuteAsync("""
                INSERT INTO forum_post_revision (post_id, revision, body_markdown, written_at, replaced_at, replaced_by)
                VALUES (@PostId, (SELECT coalesce(max(revision), 0) + 1 FROM forum_post_revision WHERE post_id = @PostId), @Markdown, @Written, @Now, @AccountId)
                """, new { command.PostId, post.Markdown, Written = written, Now = now, actor.AccountId }, transaction);
            await connection.ExecuteAsync("UPDATE forum_post SET body_markdown = @Markdown, body_html = @Html, edited_at = @Now WHERE id = @PostId",
                new { body.Markdown, body.Html, Now = now, command.PostId }, transaction);
            await search.IndexAsync(connection, transaction, command.PostId, post.ParentId is null && IsFirst(connection, transaction, thread.Id, command.PostId) ? thread.Title : "", body.Markdown);
            return (grant.Forum.Id, thread.Id);
        }, cancellationToken);

        await events.PublishAsync(new ForumChanged(forumId, threadId, ForumChanges.PostEdited, command.PostId, now), cancellationToken);
        return Unit.Value;
    }

    private static bool IsFirst(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long threadId, long postId) =>
        connection.ExecuteScalar<long>("SELECT min(id) FROM forum_post WHERE thread_id = @ThreadId", new { ThreadId = threadId }, transaction) == postId;
}
