using System.ComponentModel.DataAnnotations;

namespace ECampus.Engine;

/// <summary>Settings bound from the <c>ECampus</c> configuration section (and <c>ECAMPUS_</c> environment variables).</summary>
public sealed class EcampusOptions
{
    public const string Section = "ECampus";

    /// <summary>Where the database, Data Protection keys and mail pickup folder live.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The SQLite database file; defaults to <c>{DataDirectory}/ecampus.db</c>.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// SQLite <c>synchronous</c> setting. FULL makes a receipted write survive a power cut, not only a crash;
    /// NORMAL may roll back acknowledged commits after an OS crash.
    /// </summary>
    [RegularExpression("^(FULL|EXTRA|NORMAL)$")]
    public string Synchronous { get; set; } = "FULL";

    /// <summary>How long a write waits for the database before failing with a retriable error.</summary>
    [Range(1, 300)]
    public int BusyTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// A cap on the database's size in megabytes, applied as SQLite <c>max_page_count</c> on every write connection, so
    /// the database cannot take the whole volume (uploads, logs and backups share it). A write that would grow the
    /// database past the cap fails like a full disk: 507, nothing of it kept, health degraded until a write succeeds
    /// again. Unset: no cap but the disk. Lowering it below the current size stops growth without shrinking anything.
    /// </summary>
    [Range(1, 1_000_000)]
    public int? MaxDatabaseSizeMegabytes { get; set; }

    /// <summary>Folders holding content packs, one pack per sub-folder.</summary>
    public List<string> PackFolders { get; set; } = [];

    /// <summary>
    /// How long a pack folder must stay quiet after a change before it is reloaded, in milliseconds. Editors save in
    /// several steps (truncate then write, write a temporary file then rename it); the pause absorbs them.
    /// </summary>
    [Range(0, 60_000)]
    public int PackReloadDebounceMilliseconds { get; set; } = 50;

    /// <summary>
    /// How many rows of learners' records (progress, goals, completed activities) are kept in memory between page views.
    /// A kept record is checked against the database on every read, so this trades memory for reads, never freshness.
    /// </summary>
    [Range(1, 100_000_000)]
    public int LearnerRecordCacheRows { get; set; } = 250_000;

    /// <summary>The largest request body accepted, in bytes; endpoints that take uploads set their own limit.</summary>
    [Range(1024, 1L << 32)]
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    /// <summary>Folder where third-party plug-ins are dropped, one plug-in per sub-folder.</summary>
    public string PluginFolder { get; set; } = "plugins";

    public AccountOptions Accounts { get; set; } = new();

    public MailOptions Mail { get; set; } = new();

    public NetworkOptions Network { get; set; } = new();

    public string ResolveDatabasePath() =>
        Path.GetFullPath(DatabasePath ?? Path.Combine(DataDirectory, "ecampus.db"));

    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory);
}

public sealed class AccountOptions
{
    /// <summary>PBKDF2-HMAC-SHA512 iterations; OWASP ASVS 5.0 asks for at least 210,000.</summary>
    [Range(210_000, 10_000_000)]
    public int PasswordIterations { get; set; } = 210_000;

    [Range(8, 128)]
    public int MinimumPasswordLength { get; set; } = 10;

    /// <summary>A session unused for this long ends.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public TimeSpan SessionAbsoluteTimeout { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Personal access tokens for scripts last this long.</summary>
    public TimeSpan ApiTokenLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Failed sign-ins allowed per account within <see cref="ThrottleWindow"/>.</summary>
    [Range(1, 1000)]
    public int MaxFailuresPerAccount { get; set; } = 5;

    /// <summary>Failed sign-ins allowed per client address within <see cref="ThrottleWindow"/>.</summary>
    [Range(1, 10_000)]
    public int MaxFailuresPerAddress { get; set; } = 20;

    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);
}

public sealed class MailOptions
{
    /// <summary>The sender address on every mail.</summary>
    public string From { get; set; } = "ecampus@localhost";

    /// <summary>SMTP relay; when empty, mail is written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Where mail goes without SMTP; defaults to <c>{DataDirectory}/mail</c>.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>The site's public address, used in links inside mails.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5000";
}

public sealed class NetworkOptions
{
    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c> is believed. Empty: the socket address is the client address,
    /// whatever headers say.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}
