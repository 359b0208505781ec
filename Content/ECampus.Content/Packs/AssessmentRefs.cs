namespace ECampus.Content;

/// <summary>Pre- and post-course assessments (pack.yml <c>assessment</c>): ids of activities of type <c>quiz</c>.</summary>
/// <param name="Pre">Activity id of the pre-course assessment, or null.</param>
/// <param name="Post">Activity id of the post-course assessment, or null.</param>
/// <param name="PreRequired">Whether the modules stay locked until the pre-course assessment is done.</param>
public sealed record AssessmentRefs(string? Pre, string? Post, bool PreRequired = false)
{
    /// <summary>No assessments.</summary>
    public static AssessmentRefs None { get; } = new(null, null);
}
