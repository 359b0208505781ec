using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Dapper;
using ECampus.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ECampus.Engine.Events;

/// <summary>
/// Hands an event to each subscribed handler in turn; one handler's failure is logged and does not stop the others.
/// Staged events are rows of <c>event_outbox</c> written with the change they report, deleted once delivered.
/// </summary>
public sealed partial class EngineEvents(IServiceProvider services, IDatabase database, TimeProvider time, ILogger<EngineEvents> logger) : IEngineEvents
{
    /// <summary>The event types that can be staged, by name: those of the SDK, which every process and plug-in knows.</summary>
    private static readonly IReadOnlyDictionary<string, Type> StageableTypes = typeof(IEngineEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEngineEvent).IsAssignableFrom(t))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<Type, Func<EngineEvents, IEngineEvent, CancellationToken, ValueTask>> Dispatchers = new();

    public async ValueTask PublishAsync<TEvent>(TEvent engineEvent, CancellationToken cancellationToken)
        where TEvent : IEngineEvent
    {
        foreach (var handler in services.GetServices<IEngineEventHandler<TEvent>>())
        {
            try
            {
                await handler.HandleAsync(engineEvent, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogHandlerFailed(e, handler.GetType().FullName ?? handler.GetType().Name, typeof(TEvent).Name);
            }
        }
    }

    public async Task<StagedEvent> StageAsync(DbConnection connection, DbTransaction transaction, IEngineEvent engineEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engineEvent);
        var type = engineEvent.GetType();
        if (!StageableTypes.TryGetValue(type.Name, out var known) || known != type)
        {
            throw new ArgumentException($"Only the SDK's event types can be staged, not {type.FullName}.", nameof(engineEvent));
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO event_outbox (type, payload, created_at) VALUES (@Type, @Payload, @Now) RETURNING id",
            new { Type = type.Name, Payload = JsonSerializer.Serialize(engineEvent, type), Now = SiteClock.Now(time) }, transaction, cancellationToken: cancellationToken));
        return new StagedEvent(id, engineEvent);
    }

    public async ValueTask PublishAsync(StagedEvent staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        await Dispatchers.GetOrAdd(staged.Event.GetType(), CreateDispatcher)(this, staged.Event, cancellationToken);
        await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM event_outbox WHERE id = @Id", new { staged.Id }, transaction, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>Staged events written before <paramref name="before"/> and not yet delivered, oldest first (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<StagedEvent>> LeftBehindAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(connection => connection.QueryAsync<(long Id, string Type, string Payload)>(new CommandDefinition(
            "SELECT id, type, payload FROM event_outbox WHERE created_at < @Before ORDER BY id LIMIT @Limit",
            new { Before = before, Limit = limit }, cancellationToken: cancellationToken)), cancellationToken);
        var events = new List<StagedEvent>();
        foreach (var (id, typeName, payload) in rows)
        {
            if (StageableTypes.TryGetValue(typeName, out var type) && JsonSerializer.Deserialize(payload, type) is IEngineEvent engineEvent)
            {
                events.Add(new StagedEvent(id, engineEvent));
            }
            else
            {
                LogUnreadable(id, typeName);
            }
        }

        return events;
    }

    private static Func<EngineEvents, IEngineEvent, CancellationToken, ValueTask> CreateDispatcher(Type type) =>
        (Func<EngineEvents, IEngineEvent, CancellationToken, ValueTask>)typeof(EngineEvents)
            .GetMethod(nameof(Dispatch), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type)
            .CreateDelegate(typeof(Func<EngineEvents, IEngineEvent, CancellationToken, ValueTask>));

    private static ValueTask Dispatch<TEvent>(EngineEvents events, IEngineEvent engineEvent, CancellationToken cancellationToken)
        where TEvent : IEngineEvent =>
        events.PublishAsync((TEvent)engineEvent, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event handler {Handler} failed on {Event}")]
    private partial void LogHandlerFailed(Exception exception, string handler, string @event);

    [LoggerMessage(Level = LogLevel.Error, Message = "Staged event {Id} of type {Type} cannot be read by this engine; it is kept in event_outbox")]
    private partial void LogUnreadable(long id, string type);
}
