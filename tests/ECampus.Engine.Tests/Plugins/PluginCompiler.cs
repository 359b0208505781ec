using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ECampus.Engine.Tests.Plugins;

/// <summary>
/// Builds small plug-ins from C# source with Roslyn, against the same SDK and Dapper the host runs with, and drops
/// them into a plug-in folder the way an operator would: <c>{folder}/{Name}/{Name}.dll</c>.
/// </summary>
public static class PluginCompiler
{
    private const string Usings = """
        using System;
        using System.Data.Common;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Dapper;
        using ECampus.Sdk;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.DependencyInjection;

        """;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(ECampus.Sdk.IEcampusPlugin).Assembly.Location)
            .Append(typeof(Dapper.SqlMapper).Assembly.Location)
            .Append(typeof(System.CommandLine.Command).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    private static readonly ConcurrentDictionary<string, byte[]> Built = new(StringComparer.Ordinal);

    /// <summary>
    /// Compiles <paramref name="source"/> (the usings a plug-in needs are added) into an assembly called
    /// <paramref name="name"/>, with each migration embedded as <c>{name}.Migrations.{file}</c>. Identical inputs are built once.
    /// </summary>
    public static byte[] Compile(string name, string source, IReadOnlyDictionary<string, string>? migrations = null)
    {
        migrations ??= new Dictionary<string, string>();
        var key = name + "\0" + source + "\0" + string.Join("\0", migrations.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Key + "\0" + m.Value));
        return Built.GetOrAdd(key, _ => Build(name, source, migrations));
    }

    /// <summary>Compiles the plug-in and writes it to <c>{pluginFolder}/{name}/{name}.dll</c>.</summary>
    public static void Install(string pluginFolder, string name, string source, IReadOnlyDictionary<string, string>? migrations = null) =>
        InstallBytes(pluginFolder, name, Compile(name, source, migrations));

    /// <summary>
    /// Writes an assembly into place through a new file, so a host that still maps the old one (it is never unloaded)
    /// is not pulled from under its feet.
    /// </summary>
    public static void InstallBytes(string pluginFolder, string name, byte[] assembly)
    {
        var directory = Directory.CreateDirectory(Path.Combine(pluginFolder, name));
        var target = Path.Combine(directory.FullName, name + ".dll");
        var staging = target + ".new";
        File.WriteAllBytes(staging, assembly);
        File.Move(staging, target, overwrite: true);
    }

    private static byte[] Build(string name, string source, IReadOnlyDictionary<string, string> migrations)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(Usings + source, new CSharpParseOptions(LanguageVersion.Latest))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var resources = migrations
            .Select(m => new ResourceDescription($"{name}.Migrations.{m.Key}", () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Value)), isPublic: true))
            .ToList();

        using var output = new MemoryStream();
        var result = compilation.Emit(output, manifestResources: resources);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!result.Success)
        {
            throw new InvalidOperationException($"The test plug-in {name} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        return output.ToArray();
    }
}
