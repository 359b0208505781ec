namespace ECampus.Content;

/// <summary>The certificate a course awards (pack.yml <c>certificate.award</c>).</summary>
public enum CertificateKind
{
    /// <summary>No certificate.</summary>
    None,

    /// <summary>Completion plus attendance.</summary>
    Participation,

    /// <summary>Participation plus a passed assessment.</summary>
    Achievement,

    /// <summary>A long programme (300 h by default).</summary>
    Diploma,
}

/// <summary>Minimum course effort, in hours, for each kind of certificate (pack.yml <c>certificate.thresholds</c>).</summary>
/// <param name="ParticipationHours">Default 30.</param>
/// <param name="AchievementHours">Default 60.</param>
/// <param name="DiplomaHours">Default 300.</param>
public sealed record CertificateThresholds(int ParticipationHours, int AchievementHours, int DiplomaHours)
{
    /// <summary>30 / 60 / 300 hours.</summary>
    public static CertificateThresholds Default { get; } = new(30, 60, 300);

    /// <summary>Hours required for <paramref name="kind"/>; 0 for <see cref="CertificateKind.None"/>.</summary>
    public int HoursFor(CertificateKind kind) => kind switch
    {
        CertificateKind.Participation => ParticipationHours,
        CertificateKind.Achievement => AchievementHours,
        CertificateKind.Diploma => DiplomaHours,
        _ => 0,
    };
}

/// <summary>Certificate rules (pack.yml <c>certificate</c>).</summary>
/// <param name="Award">Which certificate completing learners receive.</param>
/// <param name="PassMarkPercent">Score needed on <paramref name="Assessment"/> for achievement or diploma (default 60).</param>
/// <param name="Assessment">Quiz id that must be passed; defaults to the post-course assessment.</param>
/// <param name="Thresholds">Effort thresholds per kind.</param>
public sealed record CertificateRules(CertificateKind Award, int PassMarkPercent, string? Assessment, CertificateThresholds Thresholds)
{
    /// <summary>No certificate, default thresholds.</summary>
    public static CertificateRules Default { get; } = new(CertificateKind.None, 60, null, CertificateThresholds.Default);
}
