using System.Reflection;
using ECampus.Sdk;

namespace ECampus.Engine.Plugins;

/// <summary>One plug-in as the host found it: enabled, or disabled with the reason an administrator sees.</summary>
public sealed class LoadedPlugin(string source, IEcampusPlugin? instance, Assembly? assembly, string? problem)
{
    private volatile string? _problem = problem;

    public string Source { get; } = source;

    public IEcampusPlugin? Instance { get; } = instance;

    public Assembly? Assembly { get; } = assembly;

    public PluginManifest? Manifest => Instance?.Manifest;

    public string Id => Manifest?.Id ?? Path.GetFileName(Source);

    public string? Problem => _problem;

    public bool IsEnabled => _problem is null;

    public IReadOnlyList<ActivityType> ActivityTypes { get; internal set; } = [];

    internal void Disable(string problem) => _problem ??= problem;
}
