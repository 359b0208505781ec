namespace ECampus.Content.Tests.Loading;

/// <summary>The courses shipped in Content/packs must load without a single diagnostic.</summary>
public class SamplePackTests
{
    public static IEnumerable<TestCaseData> SamplePacks() =>
        Directory.GetDirectories(TestPaths.SamplePacks)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => new TestCaseData(name).SetName($"SamplePack_{name}_LoadsWithoutDiagnostics"));

    [TestCaseSource(nameof(SamplePacks))]
    public void SamplePack_LoadsWithoutDiagnostics(string name)
    {
        var result = new PackLoader().Load(Path.Combine(TestPaths.SamplePacks, name));

        Assert.That(result.Diagnostics.Select(d => DiagnosticReport.FormatLine(d)), Is.Empty);
        Assert.That(result.Pack!.Id, Is.EqualTo(name));
    }

    [Test]
    public void SamplePacks_CoverTheFormatsTheIssueAsksFor()
    {
        var packs = Directory.GetDirectories(TestPaths.SamplePacks).Select(d => new PackLoader().Load(d).Pack!).ToList();

        Assert.That(packs.Select(p => p.Format), Is.SupersetOf(new[] { CourseFormat.SelfPaced, CourseFormat.TutorSupported, CourseFormat.Webinar }));
        Assert.That(packs.Any(p => p.Translations.ContainsKey("fr")), Is.True, "a sample pack should have a French translation");
        Assert.That(packs.Any(p => p.Assets.Count > 0), Is.True, "a sample pack should have an asset");
    }

    [Test]
    public void TutorSupportedTrack_ResolvesWeeklyUnlockDatesFromTheSchedule()
    {
        var pack = new PackLoader().Load(Path.Combine(TestPaths.SamplePacks, "evidence-based-policy")).Pack!;

        Assert.That(pack.Modules.Select(m => (m.Week, m.Unlock.Kind, m.Unlock.Date)), Is.EqualTo(new (int?, UnlockKind, DateOnly?)[]
        {
            (1, UnlockKind.OnDate, new DateOnly(2026, 9, 7)),
            (2, UnlockKind.OnDate, new DateOnly(2026, 9, 14)),
            (3, UnlockKind.OnDate, new DateOnly(2026, 9, 21)),
            (4, UnlockKind.OnDate, new DateOnly(2026, 9, 28)),
            (5, UnlockKind.OnDate, new DateOnly(2026, 10, 5)),
            (6, UnlockKind.OnDate, new DateOnly(2026, 10, 12)),
        }));
        Assert.That(pack.EffortMinutes, Is.EqualTo(60 * 60));
        Assert.That(pack.Certificate, Is.EqualTo(new CertificateRules(CertificateKind.Achievement, 60, "post-course", CertificateThresholds.Default)));
        Assert.That(pack.Forum, Is.EqualTo(new ForumSettings(true, true, Facilitation.Tutor)));
        Assert.That(pack.Activities.Select(a => a.Type).Distinct(), Is.EquivalentTo(new[] { "quiz", "assignment", "webinar" }));
    }
}
