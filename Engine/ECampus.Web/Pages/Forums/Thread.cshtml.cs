using ECampus.Engine.Features.Forums;
using ECampus.Sdk;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ECampus.Web.Pages.Forums;

/// <summary>A thread: read, reply (to the thread or a post, optionally quoting), edit one's own post, report, follow, and moderate.</summary>
public sealed class ThreadModel(IMediator mediator, IOptions<ForumOptions> options) : EcampusPage
{
    [BindProperty(SupportsGet = true)] public long? ReplyTo { get; set; }

    [BindProperty(SupportsGet = true)] public long? Quote { get; set; }

    /// <summary>The post whose report form is open (one at a time, asked for by its Report link).</summary>
    [BindProperty(SupportsGet = true)] public long? Report { get; set; }

    /// <summary>Set after a report is stored, to thank the reader.</summary>
    [BindProperty(SupportsGet = true)] public bool Reported { get; set; }

    /// <summary>A refused report's reason, shown again in its form.</summary>
    public string? ReportReason { get; private set; }

    [BindProperty] public string? Body { get; set; }

    [BindProperty] public string? EditBody { get; set; }

    /// <summary>The post whose edit was refused, so its form shows again, open, with what was typed.</summary>
    public long? EditingPostId { get; private set; }

    public TimeSpan EditWindow => options.Value.EditWindow;

    public ThreadPage Thread { get; private set; } = null!;

    /// <summary>For moderators of a course's thread: the other forums of the course they moderate, to move it to.</summary>
    public IReadOnlyList<(long Id, string Title)> MoveTargets { get; private set; } = [];

    public async Task OnGetAsync(long threadId, CancellationToken cancellationToken)
    {
        Thread = await mediator.Send(new GetThread(threadId), cancellationToken);
        if (Thread.CanModerate && Thread.CourseId is { } courseId && !Thread.IsDeleted)
        {
            try
            {
                var course = await mediator.Send(new ListCourseForums(courseId), cancellationToken);
                MoveTargets = course.Forums.Where(f => f.Id != Thread.ForumId)
                    .Select(f => (f.Id, f.CohortName is null ? f.Title : $"{f.Title} ({f.CohortName})")).ToList();
            }
            catch (NotFoundException)
            {
                // The course's pack is no longer served (an administrator still reads its threads): nowhere to move to.
            }
        }
    }

    public Task<IActionResult> OnPostAsync(long threadId, CancellationToken cancellationToken) =>
        Act(threadId, async () =>
        {
            var postId = await mediator.Send(new ReplyToThread(threadId, Body ?? "", ReplyTo, Quote), cancellationToken);
            return "#post-" + postId;
        }, cancellationToken);

    public Task<IActionResult> OnPostEditAsync(long threadId, long postId, CancellationToken cancellationToken)
    {
        EditingPostId = postId;
        return Act(threadId, async () =>
        {
            await mediator.Send(new EditPost(postId, EditBody ?? ""), cancellationToken);
            return "#post-" + postId;
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostReportAsync(long threadId, long postId, string? reason, CancellationToken cancellationToken)
    {
        (Report, ReportReason) = (postId, reason);
        return Act(threadId, async () =>
        {
            await mediator.Send(new ReportPost(postId, reason ?? ""), cancellationToken);
            return "?reported=true#post-" + postId;
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostModeratePostAsync(long threadId, long postId, string? action, string? reason, CancellationToken cancellationToken) =>
        Act(threadId, async () =>
        {
            await mediator.Send(new ModeratePost(postId, action ?? "", reason), cancellationToken);
            return "#post-" + postId;
        }, cancellationToken);

    public Task<IActionResult> OnPostModerateThreadAsync(long threadId, string? action, string? reason, long? toForumId, CancellationToken cancellationToken) =>
        Act(threadId, async () =>
        {
            await mediator.Send(new ModerateThread(threadId, action ?? "", reason, toForumId), cancellationToken);
            return "";
        }, cancellationToken);

    public Task<IActionResult> OnPostSubscribeAsync(long threadId, bool subscribed, CancellationToken cancellationToken) =>
        Act(threadId, async () =>
        {
            await mediator.Send(new SetSubscription(null, threadId, subscribed), cancellationToken);
            return "";
        }, cancellationToken);

    // After a successful write the reader goes back to the thread (post/redirect/get); a problem shows on the page.
    private async Task<IActionResult> Act(long threadId, Func<Task<string>> action, CancellationToken cancellationToken)
    {
        var suffix = "";
        if (await TryAsync(async () => suffix = await action()))
        {
            return Redirect("/forums/threads/" + threadId + suffix);
        }

        var status = Response.StatusCode;
        await OnGetAsync(threadId, cancellationToken);
        Response.StatusCode = status == StatusCodes.Status200OK ? StatusCodes.Status400BadRequest : status;
        return Page();
    }
}
