using System.Text.RegularExpressions;

namespace ECampus.Content.Loading;

/// <summary>Reads pack.yml (and the translatable subset in <c>LANG/pack.yml</c>).</summary>
internal static partial class ManifestReader
{
    public static readonly string[] Keys =
    [
        "id", "title", "version", "format", "language", "translations", "summary", "audience", "effort", "tags",
        "modules", "preview-first-module", "raw-html", "enrolment", "schedule", "learning-goals", "assessment",
        "completion", "certificate", "forum",
    ];

    public static readonly string[] TranslatableKeys = ["title", "summary", "audience", "learning-goals"];

    private static readonly string[] EnrolmentKeys = ["mode", "key", "capacity", "opens", "closes"];
    private static readonly string[] ScheduleKeys = ["start", "weeks"];
    private static readonly string[] GoalKeys = ["prompt", "min", "max"];
    private static readonly string[] AssessmentKeys = ["pre", "post", "pre-required"];
    private static readonly string[] CompletionKeys = ["modules", "activities", "min-webinar-attendance"];
    private static readonly string[] CertificateKeys = ["award", "pass-mark", "assessment", "thresholds"];
    private static readonly string[] ThresholdKeys = ["participation", "achievement", "diploma"];
    private static readonly string[] ForumKeys = ["course-forum", "module-discussions", "facilitation"];

    public static readonly IReadOnlyDictionary<string, CourseFormat> Formats = new Dictionary<string, CourseFormat>
    {
        ["self-paced"] = CourseFormat.SelfPaced,
        ["tutor-supported"] = CourseFormat.TutorSupported,
        ["webinar"] = CourseFormat.Webinar,
        ["blended"] = CourseFormat.Blended,
    };

    private static readonly IReadOnlyDictionary<string, EnrolmentMode> Modes = new Dictionary<string, EnrolmentMode>
    {
        ["open"] = EnrolmentMode.Open,
        ["key"] = EnrolmentMode.Key,
        ["approval"] = EnrolmentMode.Approval,
    };

    private static readonly IReadOnlyDictionary<string, CertificateKind> Awards = new Dictionary<string, CertificateKind>
    {
        ["none"] = CertificateKind.None,
        ["participation"] = CertificateKind.Participation,
        ["achievement"] = CertificateKind.Achievement,
        ["diploma"] = CertificateKind.Diploma,
    };

    private static readonly IReadOnlyDictionary<string, Facilitation> Facilitations = new Dictionary<string, Facilitation>
    {
        ["tutor"] = Facilitation.Tutor,
        ["self"] = Facilitation.Self,
    };

    public static Manifest Read(string text, DiagnosticBag diagnostics)
    {
        var root = YamlText.ParseMapping(text, PackFiles.Manifest, 1, diagnostics, out var failed);
        if (root is null)
        {
            if (!failed)
            {
                diagnostics.Error(DiagnosticCodes.MissingKey, new SourcePoint(PackFiles.Manifest, 1, 1), "pack.yml is empty.",
                    "Start with: id, title, version and format (run 'ecampus pack new ID' for a template).");
            }

            return new Manifest();
        }

        var fields = YamlFields.Open(root, PackFiles.Manifest, 1, "", Keys, diagnostics);

        var id = fields.LocatedString("id", required: true, example: "labour-standards");
        if (id is { } packId && !PackFiles.IsValidId(packId.Value))
        {
            diagnostics.Error(DiagnosticCodes.InvalidId, packId.At, $"The pack id '{packId.Value}' is not valid.",
                "Use lower-case letters, digits and dashes, e.g. 'evidence-based-policy'.");
        }

        var version = fields.String("version", required: true, example: "1.0.0");
        if (version is not null && !VersionPattern().IsMatch(version))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, fields.AtValue("version"), $"'{version}' is not a version number.",
                "Use numbers separated by dots, e.g. 1.0.0.");
        }

        var language = fields.String("language") ?? "en";
        if (!PackFiles.IsLanguageCode(language))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, fields.AtValue("language"), $"'{language}' is not a language code.",
                "Use a lower-case code such as en, fr, es or pt-br.");
            language = "en";
        }

        var translations = ReadTranslations(fields, language, diagnostics);
        var effort = fields.Duration("effort");
        var format = fields.Choice("format", Formats, required: true);
        var assessment = fields.Map("assessment", AssessmentKeys);
        var completion = fields.Map("completion", CompletionKeys);
        var certificate = fields.Map("certificate", CertificateKeys);
        var forum = fields.Map("forum", ForumKeys);

        return new Manifest
        {
            Id = id,
            Title = fields.String("title", required: true, example: "Introduction to social protection"),
            Version = version,
            Format = format,
            Language = language,
            Translations = translations,
            Summary = fields.String("summary"),
            Audience = fields.String("audience"),
            Effort = effort is { } minutes ? new Located<int>(minutes, fields.AtValue("effort")) : null,
            Tags = fields.StringList("tags")?.Select(t => t.Value).ToArray() ?? [],
            ModuleOrder = fields.StringList("modules"),
            PreviewFirstModule = fields.Bool("preview-first-module") ?? false,
            AllowRawHtml = fields.Bool("raw-html") ?? false,
            Enrolment = ReadEnrolment(fields.Map("enrolment", EnrolmentKeys), diagnostics),
            Schedule = ReadSchedule(fields.Map("schedule", ScheduleKeys)),
            LearningGoals = ReadGoals(fields.Map("learning-goals", GoalKeys), diagnostics),
            PreAssessment = assessment?.LocatedString("pre"),
            PreAssessmentRequired = assessment?.Bool("pre-required") ?? false,
            PostAssessment = assessment?.LocatedString("post"),
            CompletionModules = ReadCompletionModules(completion),
            CompletionActivities = completion?.StringList("activities") ?? [],
            MinWebinarAttendance = completion?.Int("min-webinar-attendance", 0, 100) ?? 0,
            Award = new Located<CertificateKind>(certificate?.Choice("award", Awards) ?? CertificateKind.None, certificate?.AtValue("award") ?? fields.Start),
            PassMark = certificate?.Int("pass-mark", 1, 100) ?? 60,
            CertificateAssessment = certificate?.LocatedString("assessment"),
            Thresholds = ReadThresholds(certificate?.Map("thresholds", ThresholdKeys), diagnostics),
            CourseForum = forum?.Bool("course-forum"),
            ModuleDiscussions = forum?.Bool("module-discussions"),
            Facilitation = forum?.Choice("facilitation", Facilitations),
        };
    }

    /// <summary>The texts a translation may override; other pack.yml keys are reported and ignored.</summary>
    public static (string? Title, string? Summary, string? Audience, string? GoalsPrompt) ReadTranslation(
        string text, string file, DiagnosticBag diagnostics)
    {
        var root = YamlText.ParseMapping(text, file, 1, diagnostics, out _);
        if (root is null)
        {
            return default;
        }

        var fields = YamlFields.Open(root, file, 1, "", knownKeys: null, diagnostics);
        foreach (var key in fields.Keys.Where(k => !TranslatableKeys.Contains(k)))
        {
            if (Keys.Contains(key))
            {
                diagnostics.Warning(DiagnosticCodes.IgnoredInTranslation, fields.AtKey(key),
                    $"'{key}' cannot be translated; the value in pack.yml applies to every language.",
                    $"Remove '{key}' from {file}.");
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.UnknownKey, fields.AtKey(key), $"Unknown key '{key}'.",
                    Suggest.DidYouMean(key, TranslatableKeys) ?? $"A translated pack.yml may set: {string.Join(", ", TranslatableKeys)}.");
            }
        }

        var goals = fields.Map("learning-goals", ["prompt"]);
        return (fields.String("title"), fields.String("summary"), fields.String("audience"), goals?.String("prompt"));
    }

    private static List<Located<string>> ReadTranslations(YamlFields fields, string language, DiagnosticBag diagnostics)
    {
        var result = new List<Located<string>>();
        foreach (var code in fields.StringList("translations") ?? [])
        {
            if (!PackFiles.IsLanguageCode(code.Value))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, code.At, $"'{code.Value}' is not a language code.",
                    "Use lower-case codes such as fr, es or pt-br.");
            }
            else if (code.Value == language)
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, code.At, $"'{code.Value}' is the pack's own language.",
                    "List only the other languages under 'translations'.");
            }
            else if (result.Exists(r => r.Value == code.Value))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateEntry, code.At, $"'{code.Value}' is listed twice.");
            }
            else
            {
                result.Add(code);
            }
        }

        return result;
    }

    private static Enrolment ReadEnrolment(YamlFields? map, DiagnosticBag diagnostics)
    {
        if (map is null)
        {
            return Enrolment.Default;
        }

        var mode = map.Choice("mode", Modes) ?? EnrolmentMode.Open;
        var key = map.String("key", required: mode == EnrolmentMode.Key, example: "a-secret-word");
        var capacity = map.Int("capacity", 1, 100_000);
        var opens = map.Date("opens");
        var closes = map.Date("closes");
        if (opens is { } from && closes is { } to && to < from)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, map.AtValue("closes"),
                $"Enrolment closes ({to:yyyy-MM-dd}) before it opens ({from:yyyy-MM-dd}).", "Swap the dates or fix the typo.");
        }

        return new Enrolment(mode, key, capacity, opens, closes);
    }

    private static CohortSchedule? ReadSchedule(YamlFields? map)
    {
        if (map is null)
        {
            return null;
        }

        var start = map.Date("start", required: true);
        var weeks = map.Int("weeks", 1, 104, required: true);
        return start is { } day && weeks is { } count ? new CohortSchedule(day, count) : null;
    }

    private static LearningGoals? ReadGoals(YamlFields? map, DiagnosticBag diagnostics)
    {
        if (map is null)
        {
            return null;
        }

        var prompt = map.String("prompt", required: true, example: "What do you want to learn?");
        var min = map.Int("min", 0, 20) ?? 1;
        var max = map.Int("max", 1, 20) ?? 5;
        if (min > max)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, map.AtValue("min"), $"'learning-goals.min' ({min}) is more than 'max' ({max}).");
        }

        return prompt is null ? null : new LearningGoals(prompt, min, max);
    }

    private static IReadOnlyList<Located<string>> ReadCompletionModules(YamlFields? map)
    {
        if (map?.Raw("modules") is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "all" })
        {
            return [];
        }

        return map?.StringList("modules") ?? [];
    }

    private static CertificateThresholds ReadThresholds(YamlFields? map, DiagnosticBag diagnostics)
    {
        if (map is null)
        {
            return CertificateThresholds.Default;
        }

        var defaults = CertificateThresholds.Default;
        var thresholds = new CertificateThresholds(
            map.Int("participation", 0, 10_000) ?? defaults.ParticipationHours,
            map.Int("achievement", 0, 10_000) ?? defaults.AchievementHours,
            map.Int("diploma", 0, 10_000) ?? defaults.DiplomaHours);
        if (thresholds.ParticipationHours > thresholds.AchievementHours || thresholds.AchievementHours > thresholds.DiplomaHours)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, map.Start,
                "Certificate thresholds must rise: participation ≤ achievement ≤ diploma.");
        }

        return thresholds;
    }

    [GeneratedRegex(@"^\d+(?:\.\d+){0,3}(?:[-+][0-9A-Za-z.\-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
