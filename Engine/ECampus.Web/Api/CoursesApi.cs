using ECampus.Engine.Courses;
using ECampus.Engine.Features.Courses;
using Mediator;
using Microsoft.OpenApi;

namespace ECampus.Web.Api;

/// <summary>
/// Courses under <c>/api/v1/courses</c>: the catalog, enrolment, modules, progress and learning goals, and the tutor's
/// queue and cohorts. Each use case's access rule decides who may call it.
/// </summary>
public static class CoursesApi
{
    public sealed record EnrolmentRequest(string? Key, long? CohortId);

    public sealed record GoalsRequest(IReadOnlyList<string> Goals);

    public sealed record RatingsRequest(IReadOnlyList<GoalRating> Ratings);

    public sealed record Decision(string? Reason);

    public sealed record CohortRequest(string Name, DateOnly StartsOn, int? Capacity);

    public sealed record CourseSettingsRequest(bool Listed = true, string? EnrolmentMode = null, string? EnrolmentKey = null, int? Capacity = null, DateOnly? Opens = null, DateOnly? Closes = null);

    public static void MapCoursesApi(this IEndpointRouteBuilder endpoints)
    {
        var courses = endpoints.MapGroup("/api/v1/courses").WithTags("Courses");

        courses.MapGet("", async (string? format, string? language, string? tag, int? maxEffortHours, string? q, IMediator mediator) =>
            TypedResults.Ok(await mediator.Send(new ListCourses(format, language, tag, maxEffortHours, q))))
            .AllowAnonymous()
            .WithSummary("The catalog: filter by format, language, tag and most effort in hours; q searches title, summary, audience and tags.");

        courses.MapGet("/{courseId}", async (string courseId, IMediator mediator) => TypedResults.Ok(await mediator.Send(new GetCourse(courseId))))
            .AllowAnonymous()
            .WithSummary("A course page: summary, modules, cohorts, tutors, and the enrolment action that applies to the caller.");

        courses.MapPost("/{courseId}/enrolment", async (string courseId, HttpRequest http, IMediator mediator) =>
        {
            var request = await OptionalBodyAsync<EnrolmentRequest>(http);
            var outcome = await mediator.Send(new Enrol(courseId, request?.Key, request?.CohortId));
            return outcome.Status == EnrolmentRow.Active
                ? Results.Created($"/api/v1/courses/{courseId}/progress", outcome)
                : Results.Accepted($"/api/v1/courses/{courseId}", outcome);
        }).WithOptionalJsonBody<EnrolmentRequest>()
            .WithSummary("Join a course (201), or ask for a place or join the waiting list (202). Body: key for key enrolment, cohortId to choose a cohort.");

        courses.MapDelete("/{courseId}/enrolment", async (string courseId, IMediator mediator) =>
        {
            await mediator.Send(new Unenrol(courseId));
            return TypedResults.NoContent();
        }).WithSummary("Leave a course, withdraw a request or leave the waiting list; records are kept.");

        courses.MapGet("/{courseId}/modules", async (string courseId, IMediator mediator) =>
            TypedResults.Ok((await mediator.Send(new GetCourseHome(courseId))).Progress.Modules))
            .WithSummary("The modules with their state for the caller (locked with the reason, available, in progress, done, archived).");

        courses.MapGet("/{courseId}/modules/{moduleId}", async (string courseId, string moduleId, string? lang, IMediator mediator) =>
            TypedResults.Ok(await mediator.Send(new GetModule(courseId, moduleId, lang))))
            .AllowAnonymous()
            .WithSummary("A module: rendered HTML in the chosen language (lang), its state, previous and next. Open to visitors for a course's preview module.");

        courses.MapPost("/{courseId}/modules/{moduleId}/completion", async (string courseId, string moduleId, IMediator mediator) =>
            TypedResults.Ok(await mediator.Send(new CompleteModule(courseId, moduleId))))
            .WithSummary("Mark a module as done.");

        courses.MapGet("/{courseId}/progress", async (string courseId, IMediator mediator) => TypedResults.Ok(await mediator.Send(new GetCourseHome(courseId))))
            .WithSummary("The caller's progress: modules, per cent done, next step, goals, completion.");

        courses.MapPut("/{courseId}/goals", async (string courseId, GoalsRequest request, IMediator mediator) =>
        {
            await mediator.Send(new SetGoals(courseId, request.Goals ?? []));
            return TypedResults.NoContent();
        }).WithSummary("Write the learning goals (replacing earlier ones, until they are rated).");

        courses.MapPut("/{courseId}/goals/ratings", async (string courseId, RatingsRequest request, IMediator mediator) =>
        {
            await mediator.Send(new RateGoals(courseId, request.Ratings ?? []));
            return TypedResults.NoContent();
        }).WithSummary("Rate each goal 1–5, with an optional reflection, at the end of the course.");

        courses.MapGet("/{courseId}/goals", async (string courseId, long? cohortId, IMediator mediator) =>
            TypedResults.Ok(await mediator.Send(new ListCohortGoals(courseId, cohortId))))
            .WithSummary("Tutors: the goals and ratings of the learners in the cohorts they teach.");

        courses.MapGet("/{courseId}/enrolments", async (string courseId, string? status, long? cohortId, IMediator mediator) =>
            TypedResults.Ok(await mediator.Send(new ListEnrolments(courseId, status, cohortId))))
            .WithSummary("Tutors: enrolments in the cohorts they teach; status=requested is the approval queue.");

        courses.MapPost("/{courseId}/enrolments/{enrolmentId:long}/approve", async (string courseId, long enrolmentId, HttpRequest http, IMediator mediator) =>
            TypedResults.Ok(await mediator.Send(new DecideEnrolment(courseId, enrolmentId, true, (await OptionalBodyAsync<Decision>(http))?.Reason))))
            .WithOptionalJsonBody<Decision>()
            .WithSummary("Tutors: give a requesting (or removed) learner a place, or the waiting list when full.");

        courses.MapPost("/{courseId}/enrolments/{enrolmentId:long}/reject", async (string courseId, long enrolmentId, Decision decision, IMediator mediator) =>
            TypedResults.Ok(await mediator.Send(new DecideEnrolment(courseId, enrolmentId, false, decision.Reason))))
            .WithSummary("Tutors: turn a request down, with the reason the learner will read.");

        courses.MapPost("/{courseId}/enrolments/{enrolmentId:long}/remove", async (string courseId, long enrolmentId, HttpRequest http, IMediator mediator) =>
        {
            await mediator.Send(new RemoveLearner(courseId, enrolmentId, (await OptionalBodyAsync<Decision>(http))?.Reason));
            return TypedResults.NoContent();
        }).WithOptionalJsonBody<Decision>()
            .WithSummary("Tutors: remove a learner from the course; their records are kept.");

        courses.MapGet("/{courseId}/cohorts", async (string courseId, IMediator mediator) => TypedResults.Ok(await mediator.Send(new ListCohorts(courseId))))
            .AllowAnonymous()
            .WithSummary("The cohorts of a cohort-paced course, with start dates, places taken and tutors.");

        courses.MapPost("/{courseId}/cohorts", async (string courseId, CohortRequest request, IMediator mediator) =>
        {
            var id = await mediator.Send(new CreateCohort(courseId, request.Name ?? "", request.StartsOn, request.Capacity));
            return TypedResults.Created($"/api/v1/courses/{courseId}/cohorts", new { id });
        }).WithSummary("Authors and administrators: open a new cohort.");

        courses.MapPut("/{courseId}/cohorts/{cohortId:long}/tutors/{accountId:long}", (string courseId, long cohortId, long accountId, IMediator mediator) =>
            Tutor(mediator, new AssignTutor(courseId, cohortId, accountId))).WithSummary("Authors and administrators: make someone a tutor of a cohort.");
        courses.MapDelete("/{courseId}/cohorts/{cohortId:long}/tutors/{accountId:long}", (string courseId, long cohortId, long accountId, IMediator mediator) =>
            Tutor(mediator, new AssignTutor(courseId, cohortId, accountId, Assign: false))).WithSummary("Authors and administrators: stop someone tutoring a cohort.");
        courses.MapPut("/{courseId}/tutors/{accountId:long}", (string courseId, long accountId, IMediator mediator) =>
            Tutor(mediator, new AssignTutor(courseId, null, accountId))).WithSummary("Authors and administrators: make someone a tutor of a course without cohorts.");
        courses.MapDelete("/{courseId}/tutors/{accountId:long}", (string courseId, long accountId, IMediator mediator) =>
            Tutor(mediator, new AssignTutor(courseId, null, accountId, Assign: false))).WithSummary("Authors and administrators: stop someone tutoring a course.");

        endpoints.MapPut("/api/v1/admin/courses/{courseId}/settings", async (string courseId, CourseSettingsRequest request, IMediator mediator) =>
            TypedResults.Ok(await mediator.Send(new UpdateCourseSettings(courseId, request.Listed, request.EnrolmentMode, request.EnrolmentKey, request.Capacity, request.Opens, request.Closes))))
            .WithTags("Administration")
            .WithSummary("Administrators: override a course's enrolment method, key, capacity and window, or unlist it: capacity and window replace the pack's (empty is no limit); an empty method or key follows the pack.");

        endpoints.MapGet("/api/v1/me/dashboard", async (IMediator mediator) => TypedResults.Ok(await mediator.Send(new GetDashboard())))
            .WithTags("Accounts")
            .WithSummary("My courses with progress and next step, courses I wait for or tutor, and what is coming up.");
    }

    /// <summary>
    /// Describes in the OpenAPI document the body <see cref="OptionalBodyAsync{T}"/> reads, as optional JSON, without
    /// the endpoint metadata that would change routing.
    /// </summary>
    private static RouteHandlerBuilder WithOptionalJsonBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken) },
                },
            });

    /// <summary>
    /// A JSON body the caller may leave out entirely: an empty POST is a natural call for "enrol me" or "approve".
    /// Declaring the body to ASP.NET Core (a parameter, or Accepts metadata, even optional) makes routing skip the
    /// endpoint for a request without a content type, so these endpoints read it themselves.
    /// </summary>
    private static async Task<T?> OptionalBodyAsync<T>(HttpRequest request)
        where T : class
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return null;
        }

        if (!request.HasJsonContentType())
        {
            throw new ECampus.Sdk.InvalidInputException(new Dictionary<string, string[]> { ["body"] = ["Send the body as application/json."] });
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(request.HttpContext.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new ECampus.Sdk.InvalidInputException(new Dictionary<string, string[]> { ["body"] = ["The body is not valid JSON for this request."] });
        }
    }

    private static async Task<IResult> Tutor(IMediator mediator, AssignTutor command)
    {
        await mediator.Send(command);
        return TypedResults.NoContent();
    }
}
