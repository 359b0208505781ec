using ECampus.Engine.Features.Forums;
using Mediator;

namespace ECampus.Web.Api;

/// <summary>
/// Forums under <c>/api/v1</c>: course forums and module discussions, threads, posts, moderation, reports,
/// subscriptions, notifications, search, and communities of practice. Who may do what is decided by
/// <see cref="ForumAccess"/>, the same answer pages and the forum hub get.
/// </summary>
public static class ForumsApi
{
    public sealed record NewThread(string? Title, string? Body);

    public sealed record NewPost(string? Body, long? ParentPostId, long? QuotePostId);

    public sealed record PostEdit(string? Body);

    public sealed record ThreadModeration(string? Action, string? Reason, long? ToForumId);

    public sealed record PostModeration(string? Action, string? Reason);

    public sealed record Report(string? Reason);

    public sealed record NewCommunity(string? Title, string? Description, bool IsPublic = false, bool OpenToRequests = true);

    public sealed record MemberAction(string? Action);

    public static void MapForumsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Forums");

        api.MapGet("/courses/{courseId}/forums", async (string courseId, IMediator mediator) => TypedResults.Ok(await mediator.Send(new ListCourseForums(courseId))))
            .WithSummary("The course forum and module discussions the caller may enter (their cohort's; a tutor's cohorts), with thread and unread counts.");
        api.MapGet("/courses/{courseId}/forums/search", async (string courseId, string? q, IMediator mediator) =>
            TypedResults.Ok(await mediator.Send(new SearchForums(courseId, null, q ?? ""))))
            .WithSummary("Full-text search (q) in the course's forums the caller may enter.");
        api.MapGet("/courses/{courseId}/modules/{moduleId}/discussion", async (string courseId, string moduleId, IMediator mediator) =>
            TypedResults.Ok(new { forumId = await mediator.Send(new GetModuleDiscussion(courseId, moduleId)) }))
            .WithSummary("The id of a module's discussion forum for the caller's cohort.");

        api.MapGet("/forums/{forumId:long}/threads", async (long forumId, IMediator mediator) => TypedResults.Ok(await mediator.Send(new ListThreads(forumId))))
            .WithSummary("A forum and its threads, pinned first, with the caller's unread markers.");
        api.MapPost("/forums/{forumId:long}/threads", async (long forumId, NewThread request, IMediator mediator) =>
        {
            var started = await mediator.Send(new StartThread(forumId, request.Title ?? "", request.Body ?? ""));
            return TypedResults.Created($"/api/v1/threads/{started.ThreadId}", started);
        }).WithSummary("Start a thread (title, Markdown body). Subscribes the author; 429 past the posting rate limit.");
        api.MapPut("/forums/{forumId:long}/subscription", (long forumId, IMediator mediator) => Subscribe(mediator, new SetSubscription(forumId, null, true)))
            .WithSummary("Follow a forum: notifications of every new post.");
        api.MapDelete("/forums/{forumId:long}/subscription", (long forumId, IMediator mediator) => Subscribe(mediator, new SetSubscription(forumId, null, false)))
            .WithSummary("Stop following a forum.");
        api.MapGet("/forums/moderation-queue", async (IMediator mediator) => TypedResults.Ok(await mediator.Send(new ListModerationQueue())))
            .WithSummary("Reported posts in the forums the caller moderates, and the recent moderation log.");
        api.MapGet("/forums/notifications", async (IMediator mediator) => TypedResults.Ok(await mediator.Send(new ListNotifications())))
            .WithSummary("The caller's forum notifications and unread count.");

        api.MapGet("/threads/{threadId:long}", async (long threadId, IMediator mediator) => TypedResults.Ok(await mediator.Send(new GetThread(threadId))))
            .WithSummary("A thread with its posts (sanitised HTML); marks it read.");
        api.MapPost("/threads/{threadId:long}/posts", async (long threadId, NewPost request, IMediator mediator) =>
        {
            var postId = await mediator.Send(new ReplyToThread(threadId, request.Body ?? "", request.ParentPostId, request.QuotePostId));
            return TypedResults.Created($"/api/v1/threads/{threadId}#post-{postId}", new { postId });
        }).WithSummary("Reply (Markdown body; parentPostId to answer a post, quotePostId to quote one). 409 when the thread is locked.");
        api.MapPost("/threads/{threadId:long}/moderation", async (long threadId, ThreadModeration request, IMediator mediator) =>
        {
            await mediator.Send(new ModerateThread(threadId, request.Action ?? "", request.Reason, request.ToForumId));
            return TypedResults.NoContent();
        }).WithSummary("Moderators: pin, unpin, lock, unlock, hide, unhide, delete (with reason) or move (toForumId) a thread; logged.");
        api.MapPut("/threads/{threadId:long}/subscription", (long threadId, IMediator mediator) => Subscribe(mediator, new SetSubscription(null, threadId, true)))
            .WithSummary("Follow a thread.");
        api.MapDelete("/threads/{threadId:long}/subscription", (long threadId, IMediator mediator) => Subscribe(mediator, new SetSubscription(null, threadId, false)))
            .WithSummary("Stop following a thread.");

        api.MapPatch("/posts/{postId:long}", async (long postId, PostEdit request, IMediator mediator) =>
        {
            await mediator.Send(new EditPost(postId, request.Body ?? ""));
            return TypedResults.NoContent();
        }).WithSummary("The author edits a post within the edit window; the old text is kept for moderators.");
        api.MapGet("/posts/{postId:long}/history", async (long postId, IMediator mediator) => TypedResults.Ok(await mediator.Send(new GetPostHistory(postId))))
            .WithSummary("Moderators: a post's earlier versions.");
        api.MapPost("/posts/{postId:long}/moderation", async (long postId, PostModeration request, IMediator mediator) =>
        {
            await mediator.Send(new ModeratePost(postId, request.Action ?? "", request.Reason));
            return TypedResults.NoContent();
        }).WithSummary("Moderators: hide, unhide, delete (with reason) a post or dismiss its reports; authors may delete their own.");
        api.MapPost("/posts/{postId:long}/reports", async (long postId, Report request, IMediator mediator) =>
        {
            await mediator.Send(new ReportPost(postId, request.Reason ?? ""));
            return TypedResults.NoContent();
        }).WithSummary("Report a post to the forum's moderators, with a reason.");

        var communities = endpoints.MapGroup("/api/v1/communities").WithTags("Communities");
        communities.MapGet("", async (IMediator mediator) => TypedResults.Ok(await mediator.Send(new ListCommunities())))
            .WithSummary("Communities of practice the caller belongs to, may read, or may ask to join.");
        communities.MapPost("", async (NewCommunity request, IMediator mediator) =>
        {
            var id = await mediator.Send(new CreateCommunity(request.Title ?? "", request.Description, request.IsPublic, request.OpenToRequests));
            return TypedResults.Created($"/api/v1/communities/{id}", new { id });
        }).WithSummary("Administrators: open a community (private unless isPublic; openToRequests lets people ask to join).");
        communities.MapGet("/{communityId:long}", async (long communityId, IMediator mediator) => TypedResults.Ok(await mediator.Send(new GetCommunity(communityId))))
            .WithSummary("A community and its forum id; moderators also see members and requests.");
        communities.MapPost("/{communityId:long}/membership", async (long communityId, IMediator mediator) =>
            TypedResults.Ok(new { membership = await mediator.Send(new JoinCommunity(communityId)) }))
            .WithSummary("Ask to join a community open to requests.");
        communities.MapDelete("/{communityId:long}/membership", async (long communityId, IMediator mediator) =>
        {
            await mediator.Send(new JoinCommunity(communityId, Join: false));
            return TypedResults.NoContent();
        }).WithSummary("Leave a community, or withdraw a request.");
        communities.MapPut("/{communityId:long}/members/{accountId:long}", async (long communityId, long accountId, MemberAction request, IMediator mediator) =>
        {
            await mediator.Send(new ManageCommunityMember(communityId, accountId, request.Action ?? ""));
            return TypedResults.NoContent();
        }).WithSummary("Moderators: invite, approve, remove, make-moderator or make-member.");
        communities.MapGet("/{communityId:long}/search", async (long communityId, string? q, IMediator mediator) =>
            TypedResults.Ok(await mediator.Send(new SearchForums(null, communityId, q ?? ""))))
            .WithSummary("Full-text search (q) in a community's forum.");
    }

    private static async Task<IResult> Subscribe(IMediator mediator, SetSubscription command)
    {
        await mediator.Send(command);
        return TypedResults.NoContent();
    }
}
