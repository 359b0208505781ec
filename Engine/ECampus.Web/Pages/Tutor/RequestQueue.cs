using ECampus.Engine.Features.Courses;

namespace ECampus.Web.Pages.Tutor;

/// <summary>The requests for places in one course, as the approval queue partial shows them.</summary>
public sealed record RequestQueue(string CourseId, IReadOnlyList<EnrolmentEntry> Requests);
