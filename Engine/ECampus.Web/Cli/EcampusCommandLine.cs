using System.CommandLine;
using ECampus.Engine;
using ECampus.Engine.Access;
using ECampus.Engine.Data;
using ECampus.Engine.Features.Accounts;
using ECampus.Engine.Plugins;
using ECampus.Sdk;
using ECampus.Web.Hosting;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ECampus.Web.Cli;

/// <summary>The <c>ecampus</c> command: serves the site by default; other verbs maintain it from the shell.</summary>
public static class EcampusCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("ECampus: a self-hosted learning platform. Without a verb, serves the site on " + EcampusSite.DefaultUrl + ".")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((result, cancellationToken) => ServeAsync(result.UnmatchedTokens.ToArray(), cancellationToken));

        var serve = new Command("serve", "Serve the site (the default). Extra options such as --urls go to the web host.") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction((result, cancellationToken) => ServeAsync(result.UnmatchedTokens.ToArray(), cancellationToken));
        root.Add(serve);

        var migrate = new Command("migrate", "Create or upgrade the database, then exit.");
        migrate.SetAction(async (_, cancellationToken) =>
        {
            using var host = await CommandHost.StartAsync(cancellationToken);
            Console.WriteLine($"The database at {host.Services.GetRequiredService<SqliteDatabase>().Path} is up to date.");
            return 0;
        });
        root.Add(migrate);

        root.Add(AdminCommand());
        root.Add(BackupCommand());
        root.Add(PackCommands.Create());
        if (MayNamePluginVerb(root, args))
        {
            var plugins = InstalledPlugins.Discover(out _);
            foreach (var command in plugins.CreateCommands(root.Subcommands.Select(c => c.Name).ToHashSet(StringComparer.Ordinal), Console.Error))
            {
                root.Add(command);
            }
        }

        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is SchemaTooNewException or MigrationFailedException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    /// <summary>
    /// Plug-ins are loaded for their verbs only when the first word could be one, or help is asked for: serving (the
    /// default) and the engine's own verbs do not pay for loading them twice.
    /// </summary>
    private static bool MayNamePluginVerb(RootCommand root, string[] args) =>
        args.Length > 0 && (args[0] is "-h" or "--help" or "-?" || (!args[0].StartsWith('-') && !root.Subcommands.Any(c => c.Name == args[0])));

    private static async Task<int> ServeAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var app = await EcampusSite.BuildAsync(args, cancellationToken: cancellationToken);
        await app.RunAsync();
        return 0;
    }

    private static Command AdminCommand()
    {
        var email = new Option<string>("--email") { Description = "The administrator's email address.", Required = true };
        var name = new Option<string>("--name") { Description = "The name other people see.", DefaultValueFactory = _ => "Administrator" };
        var create = new Command("create", "Create an administrator account. The password is read from standard input, or asked for when run in a terminal.")
        {
            email,
            name,
        };
        create.SetAction(async (result, cancellationToken) =>
        {
            var password = ReadPassword();
            if (password is null)
            {
                await Console.Error.WriteLineAsync("No password given: type it when asked, or pipe it on standard input.");
                return 2;
            }

            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
            try
            {
                var id = await scope.ServiceProvider.GetRequiredService<IMediator>()
                    .Send(new CreateAdmin(result.GetValue(email)!, result.GetValue(name)!, password, OnlyIfSiteHasNoAdmin: false), cancellationToken);
                Console.WriteLine($"Created administrator {result.GetValue(email)} (account {id}).");
                return 0;
            }
            catch (EcampusProblemException problem)
            {
                await Console.Error.WriteLineAsync(problem.Message);
                return 1;
            }
        });

        var admin = new Command("admin", "Administrator accounts.");
        admin.Add(create);
        return admin;
    }

    private static Command BackupCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "Where to write the copy; must not exist yet." };
        var backup = new Command("backup", "Write an online, consistent copy of the database (VACUUM INTO) and of the key ring that protects sessions and forms.")
        {
            file,
        };
        backup.SetAction(async (result, cancellationToken) =>
        {
            var target = result.GetValue(file)!;
            if (target.Exists)
            {
                await Console.Error.WriteLineAsync($"{target.FullName} already exists; choose a new file name.");
                return 1;
            }

            using var host = await CommandHost.StartAsync(cancellationToken);
            var database = host.Services.GetRequiredService<SqliteDatabase>();
            target.Directory?.Create();
            await using (var connection = new SqliteConnection(database.WriteConnectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO @target";
                command.Parameters.AddWithValue("@target", target.FullName);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            var keys = Path.Combine(host.Services.GetRequiredService<IOptions<EcampusOptions>>().Value.ResolveDataDirectory(), "keys");
            var keysCopy = target.FullName + ".keys";
            if (Directory.Exists(keys))
            {
                Directory.CreateDirectory(keysCopy);
                foreach (var key in Directory.GetFiles(keys, "*.xml"))
                {
                    File.Copy(key, Path.Combine(keysCopy, Path.GetFileName(key)));
                }
            }

            Console.WriteLine($"Backed up the database to {target.FullName} and the key ring to {keysCopy}.");
            Console.WriteLine("To restore, stop ECampus, put the file in place of the database and the keys in the data folder's keys/.");
            return 0;
        });
        return backup;
    }

    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            return string.IsNullOrEmpty(line) ? null : line;
        }

        var first = Prompt("Password: ");
        var second = Prompt("Password again: ");
        return first == second && first.Length > 0 ? first : null;
    }

    private static string Prompt(string label)
    {
        Console.Write(label);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
            {
                text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}

/// <summary>The engine without the web server, for command-line verbs: configured like the site, database migrated.</summary>
internal static class CommandHost
{
    public static async Task<IHost> StartAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEcampusEnvironment();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        EcampusSite.AddCoreServices(builder.Services, builder.Configuration);
        var options = builder.Configuration.GetSection(EcampusOptions.Section).Get<EcampusOptions>() ?? new EcampusOptions();
        using var bootLog = LoggerFactory.Create(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        var plugins = new PluginHost(bootLog.CreateLogger("ECampus.Plugins"));
        plugins.Discover(PluginHost.Folders(options));
        var host = builder.Build();
        await EcampusSite.MigrateAsync(host.Services, plugins, cancellationToken);
        return host;
    }
}
