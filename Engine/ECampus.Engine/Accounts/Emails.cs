using System.Net.Mail;

namespace ECampus.Engine.Accounts;

public static class Emails
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254)
        {
            return false;
        }

        return MailAddress.TryCreate(email.Trim(), out var address)
            && address.Address == email.Trim()
            && address.Host.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>The checks every new account's email and display name pass, wherever the account is made.</summary>
    public static IEnumerable<(string Field, string Message)> CheckIdentity(string? email, string? displayName)
    {
        if (!IsValid(email))
        {
            yield return ("email", "Enter a valid email address, like name@example.org.");
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 100)
        {
            yield return ("displayName", "Enter the name other people will see (1 to 100 characters).");
        }
    }
}
