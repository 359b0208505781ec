using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ECampus.Load;

/// <summary>What every mode of the driver shares: reading <c>--name value</c> options, and connecting to loopback only.</summary>
internal static class CommandLine
{
    /// <summary>
    /// Hands each <c>--name value</c> pair to <paramref name="take"/>, which throws <see cref="ArgumentException"/> on an
    /// unknown name or a bad value. False when <c>--help</c> was asked for (the usage is printed then).
    /// </summary>
    public static bool Read(string[] args, string usage, Action<string, string> take)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h")
            {
                Console.WriteLine(usage);
                return false;
            }

            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            take(name, value);
        }

        return true;
    }

    public static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{value}'");

    public static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>The driver only ever loads this machine: a host name that resolves elsewhere is refused.</summary>
    public static async ValueTask<Stream> ConnectLoopbackOnlyAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var loopback = (await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct)).Where(IsLoopback).ToArray();
        if (loopback.Length == 0)
        {
            throw new HttpRequestException($"refusing to connect: '{context.DnsEndPoint.Host}' does not resolve to a loopback address");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(loopback, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
