using System.Globalization;

namespace ECampus.Load;

/// <summary>The measured server's memory and CPU time, read from <c>/proc/{pid}</c> (Linux).</summary>
internal static class ServerProcess
{
    /// <summary>Resident and peak resident memory in bytes; null when the process cannot be read.</summary>
    public static (long Resident, long Peak)? Memory(int pid)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{pid}/status");
            long Field(string key) => status.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
                ? long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024
                : 0;
            return (Field("VmRSS:"), Field("VmHWM:"));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static void PrintMemory(int? pid, string when)
    {
        if (pid is not { } id)
        {
            return;
        }

        Console.WriteLine(Memory(id) is var (resident, peak)
            ? FormattableString.Invariant($"memory pid={id} when={when} rss={resident / 1048576.0:0.0}MB peak={peak / 1048576.0:0.0}MB")
            : $"memory pid={id} when={when}: cannot read /proc/{id}/status");
    }

    /// <summary>
    /// User + system CPU time in seconds: fields 14 and 15 of <c>/proc/PID/stat</c>, counted after the ")" that ends the
    /// command name, in clock ticks of 1/100 s (USER_HZ on Linux).
    /// </summary>
    public static double? CpuSeconds(int? pid)
    {
        if (pid is not { } id)
        {
            return null;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
