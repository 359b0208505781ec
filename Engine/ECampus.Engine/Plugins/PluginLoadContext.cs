using System.Reflection;
using System.Runtime.Loader;

namespace ECampus.Engine.Plugins;

/// <summary>
/// Each plug-in gets its own load context, so two plug-ins may carry different versions of a private dependency.
/// Whatever the host already has (the SDK, the framework, shared libraries such as Dapper) comes from the host, so the
/// plug-in's types match the host's and shared configuration (e.g. Dapper type handlers) applies to it too.
/// </summary>
internal sealed class PluginLoadContext(string mainAssemblyPath)
    : AssemblyLoadContext(Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        try
        {
            return Default.LoadFromAssemblyName(assemblyName);
        }
        catch (FileNotFoundException)
        {
            var path = _resolver.ResolveAssemblyToPath(assemblyName);
            return path is null ? null : LoadFromAssemblyPath(path);
        }
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
