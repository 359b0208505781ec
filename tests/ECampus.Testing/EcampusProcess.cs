using System.Diagnostics;

namespace ECampus.Testing;

/// <summary>
/// Runs the real <c>ecampus</c> command (the built <c>ecampus.dll</c> beside the tests) as a child process, as an
/// operator would from a shell, against a data folder of its own.
/// </summary>
public sealed class EcampusProcess(string dataDirectory, string pluginFolder)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public string DataDirectory { get; } = dataDirectory;

    public string DatabasePath => Path.Combine(DataDirectory, "ecampus.db");

    public async Task<Outcome> RunAsync(string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(DataDirectory)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ecampus.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("ECAMPUS_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ECAMPUS_DATADIRECTORY"] = DataDirectory;
        start.Environment["ECAMPUS_PLUGINFOLDER"] = pluginFolder;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ecampus {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s. Output: {await output} {await error}");
        }

        return new Outcome(process.ExitCode, await output, await error);
    }

    public sealed record Outcome(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit code {ExitCode}{Environment.NewLine}stdout: {Output}{Environment.NewLine}stderr: {Error}";
    }
}
