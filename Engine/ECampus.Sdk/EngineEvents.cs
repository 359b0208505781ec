using System.Data.Common;

namespace ECampus.Sdk;

/// <summary>Something that happened in the engine, raised after it was committed.</summary>
public interface IEngineEvent
{
    /// <summary>When it happened.</summary>
    DateTimeOffset At { get; }
}

/// <summary>Handles one kind of engine event. Registered with <see cref="PluginServices.AddEventHandler{TEvent, THandler}"/>.</summary>
public interface IEngineEventHandler<in TEvent>
    where TEvent : IEngineEvent
{
    /// <summary>Handles the event. An exception is logged and does not undo the event.</summary>
    ValueTask HandleAsync(TEvent engineEvent, CancellationToken cancellationToken);
}

/// <summary>Raises engine events; the engine and plug-ins both raise them (e.g. an activity completed).</summary>
public interface IEngineEvents
{
    /// <summary>Hands the event to every subscribed handler, each isolated from the others' failures.</summary>
    ValueTask PublishAsync<TEvent>(TEvent engineEvent, CancellationToken cancellationToken)
        where TEvent : IEngineEvent;

    /// <summary>
    /// Records an event inside the write that causes it, so that it outlives a crash between the commit and its
    /// delivery: once the write has committed, hand the result to <see cref="PublishAsync(StagedEvent, CancellationToken)"/>.
    /// An event never published that way (the process stopped) is delivered when the site starts again, or within a few
    /// minutes by a running one; handlers of these events therefore take hearing one twice in their stride. If the
    /// write rolls back, the event is gone with it. Only the event types of this SDK can be staged.
    /// </summary>
    Task<StagedEvent> StageAsync(DbConnection connection, DbTransaction transaction, IEngineEvent engineEvent, CancellationToken cancellationToken);

    /// <summary>Delivers a staged event after its write committed, like <see cref="PublishAsync{TEvent}"/>, then forgets it.</summary>
    ValueTask PublishAsync(StagedEvent staged, CancellationToken cancellationToken);
}

/// <summary>An event recorded in a write, waiting to be published once that write commits.</summary>
/// <param name="Id">Its place in the engine's outbox.</param>
/// <param name="Event">The event.</param>
public sealed record StagedEvent(long Id, IEngineEvent Event);

/// <summary>A new account was registered.</summary>
public sealed record AccountRegistered(long AccountId, bool AwaitsApproval, DateTimeOffset At) : IEngineEvent;

/// <summary>An account was approved by an administrator and may now sign in.</summary>
public sealed record AccountApproved(long AccountId, DateTimeOffset At) : IEngineEvent;

/// <summary>A learner joined a course (and cohort, for cohort-paced tracks).</summary>
public sealed record LearnerEnrolled(long AccountId, string CourseId, string? CohortId, DateTimeOffset At) : IEngineEvent;

/// <summary>A learner completed a module.</summary>
public sealed record ModuleCompleted(long AccountId, string CourseId, string ModuleId, DateTimeOffset At) : IEngineEvent;

/// <summary>A learner completed a course; raised once per learner and cohort.</summary>
public sealed record CourseCompleted(long AccountId, string CourseId, string? CohortId, DateTimeOffset At) : IEngineEvent;

/// <summary>A plug-in's activity was completed by a learner (e.g. a quiz passed).</summary>
public sealed record ActivityCompleted(long AccountId, string CourseId, string ActivityType, string ActivityId, DateTimeOffset At) : IEngineEvent;

/// <summary>Something ahead for a learner (a webinar, a deadline) that a plug-in shows on the dashboard.</summary>
/// <param name="CourseId">The course it belongs to.</param>
/// <param name="Kind">What it is, e.g. <c>webinar</c> or <c>deadline</c>.</param>
/// <param name="Title">What the learner reads.</param>
/// <param name="At">When it happens or is due.</param>
/// <param name="Url">Where to go for it, relative to the site.</param>
public sealed record UpcomingItem(string CourseId, string Kind, string Title, DateTimeOffset At, string? Url);

/// <summary>A plug-in's contribution to the "coming up" slot of a learner's dashboard.</summary>
public interface IUpcomingItems
{
    /// <summary>The learner's coming items in the given courses (those they take).</summary>
    ValueTask<IReadOnlyList<UpcomingItem>> ForLearnerAsync(long accountId, IReadOnlyList<string> courseIds, CancellationToken cancellationToken);
}
