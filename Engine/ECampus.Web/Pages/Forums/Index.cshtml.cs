using ECampus.Engine.Features.Forums;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Forums;

/// <summary>A course's forums for the reader's cohort, with search.</summary>
public sealed class IndexModel(IMediator mediator) : EcampusPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public CourseForums Forums { get; private set; } = null!;

    public IReadOnlyList<ForumSearchHit>? Hits { get; private set; }

    public async Task OnGetAsync(string courseId, CancellationToken cancellationToken)
    {
        Forums = await mediator.Send(new ListCourseForums(courseId), cancellationToken);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            await TryAsync(async () => Hits = await mediator.Send(new SearchForums(courseId, null, Q), cancellationToken));
        }
    }
}
