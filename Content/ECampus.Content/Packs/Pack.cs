namespace ECampus.Content;

/// <summary>
/// A loaded, validated content pack: an immutable snapshot. A new version of the folder produces a new
/// <see cref="Pack"/>; swap the reference to publish it. Modules, activities and assets are keyed by id
/// or path, never by position.
/// </summary>
public sealed record Pack
{
    /// <summary>Pack id, e.g. <c>evidence-based-policy</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Title in the default language.</summary>
    public required string Title { get; init; }

    /// <summary>Author-controlled version string, e.g. <c>1.2.0</c>.</summary>
    public required string Version { get; init; }

    /// <summary>Delivery format.</summary>
    public required CourseFormat Format { get; init; }

    /// <summary>Default language code, e.g. <c>en</c>.</summary>
    public required string Language { get; init; }

    /// <summary>Declared translation languages (not including <see cref="Language"/>).</summary>
    public required IReadOnlyList<string> Languages { get; init; }

    /// <summary>One-paragraph description for catalogues, or null.</summary>
    public string? Summary { get; init; }

    /// <summary>Who the course is for, or null.</summary>
    public string? Audience { get; init; }

    /// <summary>Total effort in minutes: stated in pack.yml, else the sum of the modules.</summary>
    public required int EffortMinutes { get; init; }

    /// <summary>Tags (topics) for the catalogue.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>Enrolment rules.</summary>
    public required Enrolment Enrolment { get; init; }

    /// <summary>Cohort calendar, or null for courses that are not cohort-paced.</summary>
    public CohortSchedule? Schedule { get; init; }

    /// <summary>Learning-goals step, or null when the course has none.</summary>
    public LearningGoals? LearningGoals { get; init; }

    /// <summary>Pre/post assessments.</summary>
    public required AssessmentRefs Assessment { get; init; }

    /// <summary>Completion rules.</summary>
    public required CompletionRules Completion { get; init; }

    /// <summary>Certificate rules.</summary>
    public required CertificateRules Certificate { get; init; }

    /// <summary>Forum settings.</summary>
    public required ForumSettings Forum { get; init; }

    /// <summary>Whether raw HTML in Markdown is kept (sanitised) rather than shown as text.</summary>
    public required bool AllowRawHtml { get; init; }

    /// <summary>Whether visitors may read the first module before enrolling.</summary>
    public required bool PreviewFirstModule { get; init; }

    /// <summary>Modules in course order.</summary>
    public required IReadOnlyList<PackModule> Modules { get; init; }

    /// <summary>Activities, ordered by file path.</summary>
    public required IReadOnlyList<PackActivity> Activities { get; init; }

    /// <summary>Assets, ordered by path.</summary>
    public required IReadOnlyList<PackAsset> Assets { get; init; }

    /// <summary>Translations by language code.</summary>
    public required IReadOnlyDictionary<string, PackTranslation> Translations { get; init; }

    /// <summary>Absolute path of the pack folder.</summary>
    public required string Directory { get; init; }

    /// <summary>
    /// Lower-case hex SHA-256 over every file the pack was built from (paths and bytes). Two loads of the same
    /// files give the same hash; record it with progress so you can tell which version a learner saw.
    /// </summary>
    public required string ContentHash { get; init; }

    /// <summary>The module with <paramref name="id"/>, or null.</summary>
    public PackModule? FindModule(string id) => Modules.FirstOrDefault(m => m.Id == id);

    /// <summary>The activity with <paramref name="id"/>, or null.</summary>
    public PackActivity? FindActivity(string id) => Activities.FirstOrDefault(a => a.Id == id);

    /// <summary>
    /// The asset at <paramref name="relativePath"/> (e.g. <c>assets/map.png</c>), matched exactly against
    /// the files found at load time, so no request path can reach anything else.
    /// </summary>
    public PackAsset? FindAsset(string relativePath) => Assets.FirstOrDefault(a => string.Equals(a.RelativePath, relativePath, StringComparison.Ordinal));

    /// <summary>
    /// The module's text in <paramref name="language"/>, falling back to the default language when that
    /// module has no translation; <see cref="LocalizedText.Language"/> says which one was used.
    /// </summary>
    public LocalizedText TextOf(PackModule module, string? language)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (language is not null && Translations.TryGetValue(language, out var translation)
            && translation.Modules.TryGetValue(module.Id, out var text))
        {
            return text;
        }

        return new LocalizedText(Language, module.Title, module.Markdown, module.SourceFile, module.BodyLine);
    }

    /// <summary>The activity file in <paramref name="language"/>, falling back to the original; also returns the language used.</summary>
    public (PackActivity Activity, string Language) TextOf(PackActivity activity, string? language)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (language is not null && Translations.TryGetValue(language, out var translation)
            && translation.Activities.TryGetValue(activity.Id, out var translated))
        {
            return (translated, language);
        }

        return (activity, Language);
    }

    /// <summary>The pack title in <paramref name="language"/>, falling back to the default language.</summary>
    public string TitleIn(string? language) =>
        language is not null && Translations.TryGetValue(language, out var t) && t.Title is { } title ? title : Title;

    /// <summary>The summary in <paramref name="language"/>, falling back to the default language.</summary>
    public string? SummaryIn(string? language) =>
        language is not null && Translations.TryGetValue(language, out var t) && t.Summary is { } summary ? summary : Summary;
}
