namespace ECampus.Content.Loading;

/// <summary>pack.yml as read, with the positions of every value that later checks may need to point at.</summary>
internal sealed record Manifest
{
    public Located<string>? Id { get; init; }

    public string? Title { get; init; }

    public string? Version { get; init; }

    public CourseFormat? Format { get; init; }

    public string Language { get; init; } = "en";

    public IReadOnlyList<Located<string>> Translations { get; init; } = [];

    public string? Summary { get; init; }

    public string? Audience { get; init; }

    public Located<int>? Effort { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<Located<string>>? ModuleOrder { get; init; }

    public bool PreviewFirstModule { get; init; }

    public bool AllowRawHtml { get; init; }

    public Enrolment Enrolment { get; init; } = Enrolment.Default;

    public CohortSchedule? Schedule { get; init; }

    public LearningGoals? LearningGoals { get; init; }

    public Located<string>? PreAssessment { get; init; }

    public bool PreAssessmentRequired { get; init; }

    public Located<string>? PostAssessment { get; init; }

    public IReadOnlyList<Located<string>> CompletionModules { get; init; } = [];

    public IReadOnlyList<Located<string>> CompletionActivities { get; init; } = [];

    public int MinWebinarAttendance { get; init; }

    public Located<CertificateKind> Award { get; init; } = new(CertificateKind.None, SourcePoint.WholeFile(PackFiles.Manifest));

    public int PassMark { get; init; } = 60;

    public Located<string>? CertificateAssessment { get; init; }

    public CertificateThresholds Thresholds { get; init; } = CertificateThresholds.Default;

    public bool? CourseForum { get; init; }

    public bool? ModuleDiscussions { get; init; }

    public Facilitation? Facilitation { get; init; }

    public ForumSettings ForumFor(CourseFormat format)
    {
        var cohort = format is CourseFormat.TutorSupported or CourseFormat.Blended;
        return new ForumSettings(
            CourseForum ?? true,
            ModuleDiscussions ?? cohort,
            Facilitation ?? (cohort ? Content.Facilitation.Tutor : Content.Facilitation.Self));
    }
}
