using System.CommandLine;
using ECampus.Content;
using ECampus.Engine;
using ECampus.Engine.Plugins;
using ECampus.Web.Hosting;

namespace ECampus.Web.Cli;

/// <summary><c>ecampus pack validate</c> and <c>ecampus pack new</c>: the author's tools, usable without a running site.</summary>
internal static class PackCommands
{
    public static Command Create()
    {
        var pack = new Command("pack", "Content packs: check and create courses written as Markdown.");
        pack.Add(Validate());
        pack.Add(New());
        return pack;
    }

    private static Command Validate()
    {
        var folders = new Argument<DirectoryInfo[]>("folders")
        {
            Description = "Pack folders (holding pack.yml), or folders of packs.",
            Arity = ArgumentArity.OneOrMore,
        };
        var validate = new Command("validate", "Report every problem in the packs, with file, line and column; exit 1 when any is an error.") { folders };
        validate.SetAction(result =>
        {
            var loader = new PackLoader(new PackLoadOptions { ActivityTypes = InstalledActivityTypes() });
            var (errors, warnings, packs) = (0, 0, 0);
            foreach (var folder in result.GetValue(folders)!)
            {
                if (!folder.Exists)
                {
                    Console.Error.WriteLine($"{folder.FullName}: no such folder.");
                    errors++;
                    continue;
                }

                var packFolders = File.Exists(Path.Combine(folder.FullName, "pack.yml"))
                    ? [folder.FullName]
                    : Directory.GetDirectories(folder.FullName).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal).ToArray();
                foreach (var packFolder in packFolders)
                {
                    var loaded = loader.Load(packFolder);
                    packs++;
                    errors += loaded.ErrorCount;
                    warnings += loaded.WarningCount;
                    DiagnosticReport.Write(Console.Out, loaded.Diagnostics, Path.GetRelativePath(Environment.CurrentDirectory, packFolder));
                }
            }

            Console.WriteLine(DiagnosticReport.Summary(errors, warnings, packs));
            return errors > 0 ? 1 : 0;
        });
        return validate;
    }

    // The activity types of the installed plug-ins, so their files (quizzes, ...) are checked exactly as the site checks them.
    private static List<ActivityType> InstalledActivityTypes()
    {
        var plugins = InstalledPlugins.Discover(out var configuration);
        plugins.ConfigureServices(new ServiceCollection(), configuration);
        return PackActivityTypes.With(plugins.Enabled.SelectMany(p => p.ActivityTypes));
    }

    private static Command New()
    {
        var id = new Argument<string>("id") { Description = "The new pack's id (lower-case letters, digits and '-'); also its folder name." };
        var into = new Option<DirectoryInfo>("--into") { Description = "The folder to create the pack in.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("Content", "packs")) };
        var title = new Option<string?>("--title") { Description = "The course title." };
        var create = new Command("new", "Write a new pack with one module that validates cleanly.") { id, into, title };
        create.SetAction(result =>
        {
            var target = Path.Combine(result.GetValue(into)!.FullName, result.GetValue(id)!);
            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            {
                Console.Error.WriteLine($"{target} already exists and is not empty.");
                return 1;
            }

            try
            {
                foreach (var file in PackScaffolder.Create(target, result.GetValue(id)!, result.GetValue(title)))
                {
                    Console.WriteLine($"wrote {Path.GetRelativePath(Environment.CurrentDirectory, file)}");
                }
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            Console.WriteLine($"Check it with: ecampus pack validate {Path.GetRelativePath(Environment.CurrentDirectory, target)}");
            return 0;
        });
        return create;
    }
}
