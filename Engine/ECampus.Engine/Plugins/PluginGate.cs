using ECampus.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ECampus.Engine.Plugins;

/// <summary>
/// A plug-in can be disabled after it registered its services (its migration fails, it throws while starting). The
/// services the engine calls on its own initiative, engine event handlers and hosted services, are therefore
/// registered behind a gate that does nothing once the plug-in is disabled; the plug-in's own service is kept under a
/// private key and created only while the plug-in is enabled.
/// </summary>
internal static class PluginGate
{
    public static IEnumerable<ServiceDescriptor> Wrap(LoadedPlugin plugin, ServiceDescriptor descriptor)
    {
        var gate = GateFor(descriptor);
        if (gate is null || descriptor.IsKeyedService)
        {
            yield return descriptor;
            yield break;
        }

        var key = new object();
        yield return descriptor switch
        {
            { ImplementationType: { } type } => new ServiceDescriptor(descriptor.ServiceType, key, type, descriptor.Lifetime),
            { ImplementationFactory: { } factory } => new ServiceDescriptor(descriptor.ServiceType, key, (provider, _) => factory(provider), descriptor.Lifetime),
            _ => new ServiceDescriptor(descriptor.ServiceType, key, descriptor.ImplementationInstance!),
        };
        yield return new ServiceDescriptor(descriptor.ServiceType, provider => Activator.CreateInstance(gate, plugin, provider, key)!, descriptor.Lifetime);
    }

    private static Type? GateFor(ServiceDescriptor descriptor) => descriptor.ServiceType switch
    {
        { IsGenericType: true } type when type.GetGenericTypeDefinition() == typeof(IEngineEventHandler<>) =>
            typeof(GatedEventHandler<>).MakeGenericType(type.GetGenericArguments()),
        var type when type == typeof(IHostedService) => typeof(GatedHostedService),
        _ => null,
    };

    private sealed class GatedEventHandler<TEvent>(LoadedPlugin plugin, IServiceProvider services, object key) : IEngineEventHandler<TEvent>
        where TEvent : IEngineEvent
    {
        public ValueTask HandleAsync(TEvent engineEvent, CancellationToken cancellationToken) => plugin.IsEnabled
            ? services.GetRequiredKeyedService<IEngineEventHandler<TEvent>>(key).HandleAsync(engineEvent, cancellationToken)
            : ValueTask.CompletedTask;
    }

    private sealed class GatedHostedService(LoadedPlugin plugin, IServiceProvider services, object key) : IHostedService
    {
        private IHostedService? _started;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!plugin.IsEnabled)
            {
                return Task.CompletedTask;
            }

            _started = services.GetRequiredKeyedService<IHostedService>(key);
            return _started.StartAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => _started?.StopAsync(cancellationToken) ?? Task.CompletedTask;
    }
}
