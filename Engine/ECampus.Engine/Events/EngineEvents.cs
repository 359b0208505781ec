using ECampus.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ECampus.Engine.Events;

/// <summary>Hands an event to each subscribed handler in turn; one handler's failure is logged and does not stop the others.</summary>
public sealed partial class EngineEvents(IServiceProvider services, ILogger<EngineEvents> logger) : IEngineEvents
{
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Event handler {Handler} failed on {Event}")]
    private partial void LogHandlerFailed(Exception exception, string handler, string @event);
}
