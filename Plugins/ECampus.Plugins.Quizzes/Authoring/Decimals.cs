namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>Decimal helpers: parsed numbers are stored without trailing zeros so equal values serialise alike.</summary>
internal static class Decimals
{
    public static decimal Normalise(decimal value) => value / 1.000000000000000000000000000000000m;

    public static bool NearlyEqual(decimal a, decimal b) => Math.Abs(a - b) <= 0.01m;
}
