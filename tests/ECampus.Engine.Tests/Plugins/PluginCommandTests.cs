using ECampus.Engine.Plugins;
using Microsoft.Extensions.Logging.Abstractions;
using static ECampus.Engine.Tests.Plugins.TestPlugins;

namespace ECampus.Engine.Tests.Plugins;

/// <summary>Plug-ins adding verbs to the <c>ecampus</c> command: each gets its own, none takes another's.</summary>
public sealed class PluginCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ecampus-plugin-commands-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Verbs_OfEveryEnabledPlugin_AreOffered_AndRunWhereTheyWereWritten()
    {
        Install("Alpha", "alpha", """return [Verbs.Verb("alpha", 7)];""");
        Install("Beta", "beta", """return [Verbs.Verb("beta", 8)];""");

        var commands = Discover().CreateCommands(new HashSet<string>(["serve", "pack"]), TextWriter.Null);

        Assert.That(commands.Select(c => c.Name), Is.EquivalentTo(new[] { "alpha", "beta" }));
        var root = new System.CommandLine.RootCommand();
        foreach (var command in commands)
        {
            root.Add(command);
        }

        Assert.That(root.Parse(["beta"]).Invoke(), Is.EqualTo(8), "the plug-in's own action decides the exit code");
    }

    [Test]
    public void Verb_WhoseNameIsTaken_IsLeftOut_WithAWarningNamingThePlugin()
    {
        Install("Grabby", "grabby", """return [Verbs.Verb("pack", 1), Verbs.Verb("grabby", 0)];""");
        var warnings = new StringWriter();

        var commands = Discover().CreateCommands(new HashSet<string>(["serve", "pack"]), warnings);

        Assert.That(commands.Select(c => c.Name), Is.EqualTo(new[] { "grabby" }));
        Assert.That(warnings.ToString(), Does.Contain("The plug-in 'grabby' adds the verb 'pack', which is already taken; it is left out."));
    }

    [Test]
    public void PluginThatThrowsCreatingVerbs_LosesOnlyItsOwn()
    {
        Install("Broken", "broken", """throw new InvalidOperationException("verbs exploded");""");
        Install("Fine", "fine", """return [Verbs.Verb("fine", 0)];""");
        var warnings = new StringWriter();

        var commands = Discover().CreateCommands(new HashSet<string>(), warnings);

        Assert.That(commands.Select(c => c.Name), Is.EqualTo(new[] { "fine" }));
        Assert.That(warnings.ToString(), Does.Contain("The plug-in 'broken' failed while creating its commands, so they are left out: verbs exploded"));
    }

    [Test]
    public void DisabledPlugin_OffersNoVerbs()
    {
        Install("Future", "future", """return [Verbs.Verb("future", 0)];""", minimumEngine: "99.0");

        var commands = Discover().CreateCommands(new HashSet<string>(), TextWriter.Null);

        Assert.That(commands, Is.Empty);
    }

    private void Install(string name, string id, string commands, string minimumEngine = "0.1.0") =>
        PluginCompiler.Install(_folder, name, Plugin(name, Manifest(id, minimumEngine), commands: commands, extra: """
            public static class Verbs
            {
                public static System.CommandLine.Command Verb(string verb, int exitCode)
                {
                    var command = new System.CommandLine.Command(verb, "A test verb.");
                    command.SetAction(_ => exitCode);
                    return command;
                }
            }
            """));

    private PluginHost Discover()
    {
        var host = new PluginHost(NullLogger.Instance);
        host.Discover([_folder]);
        return host;
    }
}
