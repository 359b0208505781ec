using ECampus.Sdk;

namespace ECampus.Engine.Features.Forums;

/// <summary>What changed in a forum, raised after the commit; the web host pushes it to the people watching.</summary>
public sealed record ForumChanged(long ForumId, long ThreadId, string Change, long? PostId, DateTimeOffset At) : IEngineEvent;

/// <summary>
/// These people's unread counts may have changed (they read a thread, or a post they follow notified them); raised
/// after the commit, so the web host can push each their count.
/// </summary>
public sealed record ForumUnreadChanged(IReadOnlyList<long> AccountIds, DateTimeOffset At) : IEngineEvent;

/// <summary>The kinds of <see cref="ForumChanged"/>.</summary>
public static class ForumChanges
{
    public const string ThreadStarted = "thread-started";
    public const string PostAdded = "post-added";
    public const string PostEdited = "post-edited";
    public const string PostModerated = "post-moderated";
    public const string ThreadModerated = "thread-moderated";
}
