using ECampus.Engine.Features.Courses;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Tutor;

/// <summary>The decisions a tutor takes on both tutoring pages: approve, turn down, remove, take back.</summary>
public abstract class TutorPageModel : EcampusPage
{
    protected TutorPageModel(IMediator mediator) => Mediator = mediator;

    protected IMediator Mediator { get; }

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public string? Notice => Done switch
    {
        "approved" => "The learner has a place (or, when the course is full, a place on the waiting list) and gets an email.",
        "rejected" => "The request is turned down; the learner gets an email with your reason.",
        "removed" => "The learner is removed from the course. Their records are kept.",
        _ => null,
    };

    public Task<IActionResult> OnPostApproveAsync(string courseId, long enrolmentId, CancellationToken cancellationToken) =>
        ActAsync(courseId, () => Mediator.Send(new DecideEnrolment(courseId, enrolmentId, true), cancellationToken).AsTask(), "approved", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(string courseId, long enrolmentId, string? reason, CancellationToken cancellationToken) =>
        ActAsync(courseId, () => Mediator.Send(new DecideEnrolment(courseId, enrolmentId, false, reason), cancellationToken).AsTask(), "rejected", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(string courseId, long enrolmentId, string? reason, CancellationToken cancellationToken) =>
        ActAsync(courseId, () => Mediator.Send(new RemoveLearner(courseId, enrolmentId, reason), cancellationToken).AsTask(), "removed", cancellationToken);

    /// <summary>Shows the page's data again after a decision could not be taken.</summary>
    protected abstract Task LoadAsync(string? courseId, CancellationToken cancellationToken);

    private async Task<IActionResult> ActAsync(string courseId, Func<Task> action, string done, CancellationToken cancellationToken)
    {
        if (await TryAsync(action))
        {
            return Redirect(Request.Path + "?done=" + done);
        }

        await LoadAsync(courseId, cancellationToken);
        return Page();
    }
}
