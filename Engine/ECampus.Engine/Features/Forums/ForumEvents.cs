using ECampus.Sdk;

namespace ECampus.Engine.Features.Forums;

/// <summary>What changed in a forum, raised after the commit; the web host pushes it to the people watching.</summary>
public sealed record ForumChanged(long ForumId, long ThreadId, string Change, long? PostId, IReadOnlyList<long> NotifiedAccounts, DateTimeOffset At) : IEngineEvent;

/// <summary>Someone read a thread, so their unread count may have fallen; raised after the commit.</summary>
public sealed record ForumRead(long AccountId, long ThreadId, DateTimeOffset At) : IEngineEvent;

/// <summary>The kinds of <see cref="ForumChanged"/>.</summary>
public static class ForumChanges
{
    public const string ThreadStarted = "thread-started";
    public const string PostAdded = "post-added";
    public const string PostEdited = "post-edited";
    public const string PostModerated = "post-moderated";
    public const string ThreadModerated = "thread-moderated";
}
