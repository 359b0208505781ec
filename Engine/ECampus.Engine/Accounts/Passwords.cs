using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ECampus.Engine.Accounts;

/// <summary>
/// Password hashing with ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512), at the configured
/// iteration count; hashes made with fewer iterations verify as "rehash needed" and are upgraded at the next sign-in.
/// </summary>
public sealed class Passwords
{
    private static readonly HashSet<string> CommonPasswords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword",
        "1234567890", "12345678910", "0123456789", "qwertyuiop", "qwerty1234", "qwerty12345", "iloveyou12",
        "letmein123", "welcome123", "welcome1234", "admin12345", "administrator", "changeme123", "abc1234567",
        "11111111111", "0000000000", "1q2w3e4r5t", "zaq12wsxcde", "football123", "baseball123", "sunshine12",
        "princess12", "trustno1234", "dragon1234", "monkey1234", "master1234", "ecampus123", "ecampus2026",
    };

    private readonly PasswordHasher<object> _hasher;
    private readonly int _minimumLength;
    private readonly string _dummyHash;

    public Passwords(IOptions<EcampusOptions> options)
    {
        var accounts = options.Value.Accounts;
        _hasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = accounts.PasswordIterations,
        }));
        _minimumLength = accounts.MinimumPasswordLength;
        _dummyHash = _hasher.HashPassword(Subject, Guid.NewGuid().ToString());
    }

    private static object Subject { get; } = new();

    public string Hash(string password) => _hasher.HashPassword(Subject, password);

    public PasswordVerificationResult Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(Subject, hash, password);

    /// <summary>Spends the same time as a real check, so an unknown email cannot be told apart by timing.</summary>
    public void VerifyAgainstNothing(string password) => _hasher.VerifyHashedPassword(Subject, _dummyHash, password);

    /// <summary>Why a new password is too weak, or <c>null</c> when it will do.</summary>
    public string? Weakness(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < _minimumLength)
        {
            return $"Use at least {_minimumLength} characters.";
        }

        if (password.Length > 256)
        {
            return "Use at most 256 characters.";
        }

        if (CommonPasswords.Contains(password) || password.Distinct().Count() < 4)
        {
            return "This password is too easy to guess; choose a longer phrase of your own.";
        }

        if (email is not null && password.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase) && email.Split('@')[0].Length >= 4)
        {
            return "Do not use your email address in your password.";
        }

        return null;
    }
}
