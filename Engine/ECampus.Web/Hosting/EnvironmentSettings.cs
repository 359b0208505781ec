using System.Collections;

namespace ECampus.Web.Hosting;

/// <summary>
/// <c>ECAMPUS_</c> environment variables configure the <c>ECampus</c> section: <c>ECAMPUS_DATADIRECTORY=/srv/ecampus</c>,
/// <c>ECAMPUS_MAIL__SMTPHOST=relay</c> (a double underscore steps into a sub-section).
/// </summary>
internal static class EnvironmentSettings
{
    private const string Prefix = "ECAMPUS_";

    public static IConfigurationBuilder AddEcampusEnvironment(this IConfigurationBuilder configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && key.Length > Prefix.Length)
            {
                values["ECampus:" + key[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = entry.Value as string;
            }
        }

        return configuration.AddInMemoryCollection(values);
    }
}
