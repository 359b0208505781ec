using ECampus.Engine.Features.Courses;
using ECampus.Sdk;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Courses;

public sealed class GoalsModel(IMediator mediator) : EcampusPage
{
    public sealed class RatingInput
    {
        public int Position { get; set; }

        public int? Rating { get; set; }

        public string? Reflection { get; set; }
    }

    public static readonly IReadOnlyList<(int Value, string Label)> Scale =
    [
        (1, "1 — not reached"), (2, "2 — a little"), (3, "3 — partly"), (4, "4 — mostly"), (5, "5 — fully reached"),
    ];

    public CourseHome Home { get; private set; } = null!;

    [BindProperty] public List<string?> Goals { get; set; } = [];

    [BindProperty] public List<RatingInput> Ratings { get; set; } = [];

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public bool Rated => Home.Goals.Count > 0 && Home.Goals.All(g => g.Rating is not null);

    public bool CanWrite => Home.IsLearner && Home.Goals.All(g => g.Rating is null);

    public bool CanRate => Home.CanRateGoals && !Rated;

    public async Task OnGetAsync(string courseId, CancellationToken cancellationToken)
    {
        await LoadAsync(courseId, cancellationToken);
        Goals = [.. Home.Goals.Select(g => (string?)g.Goal)];
        Ratings = [.. Home.Goals.Select(g => new RatingInput { Position = (int)g.Position, Rating = (int?)g.Rating, Reflection = g.Reflection })];
    }

    public async Task<IActionResult> OnPostWriteAsync(string courseId, CancellationToken cancellationToken)
    {
        var goals = Goals.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g!.Trim()).ToList();
        if (await TryAsync(async () => await mediator.Send(new SetGoals(courseId, goals), cancellationToken)))
        {
            return Redirect(CourseText.HomeUrl(courseId) + "?done=goals");
        }

        await LoadAsync(courseId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync(string courseId, CancellationToken cancellationToken)
    {
        var ratings = Ratings.Select(r => new GoalRating(r.Position, r.Rating ?? 0, r.Reflection)).ToList();
        if (await TryAsync(async () => await mediator.Send(new RateGoals(courseId, ratings), cancellationToken)))
        {
            return Redirect(CourseText.GoalsUrl(courseId) + "?done=rated");
        }

        await LoadAsync(courseId, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string courseId, CancellationToken cancellationToken)
    {
        Home = await mediator.Send(new GetCourseHome(courseId), cancellationToken);
        if (Home.GoalsPrompt is null)
        {
            throw new NotFoundException("This course does not ask for learning goals.");
        }
    }
}
