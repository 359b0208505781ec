using System.ComponentModel.DataAnnotations;

namespace ECampus.Engine.Features.Forums;

/// <summary>Forum limits and the email digest, bound from <c>ECampus:Forums</c>.</summary>
public sealed class ForumOptions
{
    public const string Section = "ECampus:Forums";

    /// <summary>Posts (threads and replies) one person may write per <see cref="PostingWindow"/>.</summary>
    [Range(1, 10_000)]
    public int MaxPostsPerWindow { get; set; } = 10;

    public TimeSpan PostingWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest post body, in characters (the sanitising pipeline refuses longer text before parsing).</summary>
    [Range(1, 64 * 1024)]
    public int MaxBodyLength { get; set; } = 64 * 1024;

    [Range(1, 500)]
    public int MaxTitleLength { get; set; } = 200;

    /// <summary>How long an author may edit their own post.</summary>
    public TimeSpan EditWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>At most one digest email per person per period.</summary>
    public TimeSpan DigestPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the digest job looks for pending notifications.</summary>
    public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromMinutes(15);
}
