namespace ECampus.Engine.Accounts;

/// <summary>Optional profile answers used by analytics; each may be left out or answered "prefer not to say".</summary>
public static class ProfileChoices
{
    public const string PreferNotToSay = "prefer-not-to-say";

    public static IReadOnlyList<(string Value, string Label)> Genders { get; } =
    [
        ("female", "Female"), ("male", "Male"), ("non-binary", "Non-binary"), ("other", "Other"), (PreferNotToSay, "Prefer not to say"),
    ];

    public static IReadOnlyList<(string Value, string Label)> OrganisationTypes { get; } =
    [
        ("government", "Government or public administration"),
        ("workers-organisation", "Workers' organisation"),
        ("employers-organisation", "Employers' organisation"),
        ("un-agency", "UN or international organisation"),
        ("ngo", "Non-governmental organisation"),
        ("academia", "University or research"),
        ("private-sector", "Private sector"),
        ("other", "Other"),
        (PreferNotToSay, "Prefer not to say"),
    ];

    public static IEnumerable<(string Field, string Message)> Check(string? country, string? region, string? organisationType, string? gender)
    {
        if (country is { Length: > 100 })
        {
            yield return ("country", "Country must be at most 100 characters.");
        }

        if (region is { Length: > 100 })
        {
            yield return ("region", "Region must be at most 100 characters.");
        }

        if (!string.IsNullOrEmpty(organisationType) && OrganisationTypes.All(o => o.Value != organisationType))
        {
            yield return ("organisationType", $"Organisation type must be one of: {string.Join(", ", OrganisationTypes.Select(o => o.Value))}.");
        }

        if (!string.IsNullOrEmpty(gender) && Genders.All(g => g.Value != gender))
        {
            yield return ("gender", $"Gender must be one of: {string.Join(", ", Genders.Select(g => g.Value))}.");
        }
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
