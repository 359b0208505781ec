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
}
