using System.Security.Cryptography;
using System.Text;
using ECampus.Content.Loading;

namespace ECampus.Content;

/// <summary>
/// Loads and validates one pack folder. Never throws for anything in the folder: every problem becomes a
/// <see cref="Diagnostic"/>, all of them are reported (not just the first), and a pack is returned only
/// when there is no error. Thread-safe; keep one per set of options.
/// </summary>
public sealed class PackLoader
{
    private static readonly string[] RootFilesIgnored = ["readme", "license", "licence", "changelog", "notice", "contributing"];

    private readonly PackLoadOptions options;
    private readonly Dictionary<string, ActivityType> types;
    private readonly Dictionary<string, string> folderTypes;

    /// <summary>Creates a loader.</summary>
    /// <param name="options">Activity types on offer and limits; <see cref="PackLoadOptions.Default"/> when null.</param>
    public PackLoader(PackLoadOptions? options = null)
    {
        this.options = options ?? PackLoadOptions.Default;
        types = new Dictionary<string, ActivityType>(StringComparer.Ordinal);
        folderTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in this.options.ActivityTypes)
        {
            if (!types.TryAdd(type.Name, type))
            {
                throw new ArgumentException($"Activity type '{type.Name}' is registered twice.", nameof(options));
            }

            if (type.Folder is { } folder)
            {
                folderTypes.TryAdd(folder, type.Name);
            }
        }
    }

    /// <summary>Loads the pack in <paramref name="directory"/>.</summary>
    public PackLoadResult Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return new Run(this, Path.GetFullPath(directory)).Execute();
    }

    /// <summary>The state of one load; discarded afterwards.</summary>
    private sealed class Run(PackLoader loader, string root)
    {
        private readonly DiagnosticBag diagnostics = new();
        private readonly SortedDictionary<string, byte[]> hashes = new(StringComparer.Ordinal);
        private readonly PackLimits limits = loader.options.Limits;

        public PackLoadResult Execute()
        {
            if (!Directory.Exists(root))
            {
                diagnostics.Error(DiagnosticCodes.PackFileMissing, SourcePoint.WholeFile(""), $"The folder '{root}' does not exist.");
                return Result(null);
            }

            var files = PackScanner.Scan(root, limits, diagnostics);
            var manifest = ReadManifest(files);
            var layout = Classify(files, manifest);

            var assetPaths = layout.Assets.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
            // A translation may link to a sibling module file whether or not that module is translated yet:
            // the module's page falls back to the original language.
            var moduleFiles = layout.Modules.Select(f => f.RelativePath)
                .SelectMany(file => manifest.Translations.Select(t => $"{t.Value}/{file}").Append(file))
                .ToHashSet(StringComparer.Ordinal);
            var inspector = new MarkdownInspector(limits, loader.types.Keys, manifest.AllowRawHtml,
                assetPaths.Contains, moduleFiles.Contains, diagnostics);

            var drafts = new List<ModuleDraft>();
            foreach (var file in layout.Modules)
            {
                if (ReadText(file) is { } text && ModuleReader.Read(file.RelativePath, text, inspector, diagnostics) is { } draft)
                {
                    drafts.Add(draft);
                }
            }

            var activities = new List<(PackActivity Activity, Located<string> Id)>();
            foreach (var (file, defaultType) in layout.Activities)
            {
                if (ReadText(file) is { } text
                    && ActivityReader.Read(file.RelativePath, text, defaultType, loader.types.Keys, inspector, diagnostics) is { } activity)
                {
                    activities.Add(activity);
                    RunPluginCheck(activity.Activity);
                }
            }

            var assets = new List<PackAsset>();
            foreach (var file in layout.Assets)
            {
                if (AssetReader.Read(file, limits, diagnostics) is { } asset)
                {
                    assets.Add(asset.Asset);
                    hashes[file.RelativePath] = asset.Hash;
                }
            }

            var validator = new PackValidator(manifest, loader.types, diagnostics);
            var modules = validator.Modules(drafts, layout.Modules.Count);
            var refs = modules.SelectMany(m => m.Activities.Select(r => (m.SourceFile, r))).ToList();
            var translations = ReadTranslations(layout, drafts, activities, inspector, refs);
            validator.References(activities, modules, refs);
            var effort = validator.Effort(modules, complete: drafts.Count == layout.Modules.Count);
            CheckFolderName(manifest);

            if (diagnostics.HasErrors)
            {
                return Result(null);
            }

            var format = manifest.Format ?? CourseFormat.SelfPaced;
            var pack = new Pack
            {
                Id = manifest.Id!.Value.Value,
                Title = manifest.Title!,
                Version = manifest.Version!,
                Format = format,
                Language = manifest.Language,
                Languages = manifest.Translations.Select(t => t.Value).ToArray(),
                Summary = manifest.Summary,
                Audience = manifest.Audience,
                EffortMinutes = effort,
                Tags = manifest.Tags,
                Enrolment = manifest.Enrolment,
                Schedule = manifest.Schedule,
                LearningGoals = manifest.LearningGoals,
                Assessment = new AssessmentRefs(manifest.PreAssessment?.Value, manifest.PostAssessment?.Value, manifest.PreAssessmentRequired && manifest.PreAssessment is not null),
                Completion = new CompletionRules(
                    manifest.CompletionModules.Select(m => m.Value).ToArray(),
                    manifest.CompletionActivities.Select(a => a.Value).ToArray(),
                    manifest.MinWebinarAttendance),
                Certificate = new CertificateRules(manifest.Award.Value, manifest.PassMark,
                    manifest.CertificateAssessment?.Value ?? manifest.PostAssessment?.Value, manifest.Thresholds),
                Forum = manifest.ForumFor(format),
                AllowRawHtml = manifest.AllowRawHtml,
                PreviewFirstModule = manifest.PreviewFirstModule,
                Modules = modules,
                Activities = activities.Select(a => a.Activity).ToArray(),
                Assets = assets,
                Translations = translations,
                Directory = root,
                ContentHash = PackHash(),
            };
            return Result(pack);
        }

        private PackLoadResult Result(Pack? pack) =>
            new(root, pack, DiagnosticReport.Sort(diagnostics.Items).ToArray());

        private Manifest ReadManifest(List<ScannedFile> files)
        {
            var file = files.Find(f => f.RelativePath == PackFiles.Manifest);
            if (file is null)
            {
                var yaml = files.Find(f => f.RelativePath == "pack.yaml");
                diagnostics.Error(DiagnosticCodes.PackFileMissing, SourcePoint.WholeFile(PackFiles.Manifest),
                    "The folder has no pack.yml, so it is not a content pack.",
                    yaml is null ? "Create pack.yml with id, title, version and format, or run 'ecampus pack new ID'." : "Rename pack.yaml to pack.yml.");
                return new Manifest();
            }

            return ReadText(file) is { } text ? ManifestReader.Read(text, diagnostics) : new Manifest();
        }

        private Layout Classify(List<ScannedFile> files, Manifest manifest)
        {
            var layout = new Layout();
            var declared = manifest.Translations.Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
            var reportedFolders = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var segments = file.RelativePath.Split('/');
                var top = segments[0];
                if (segments.Length == 1)
                {
                    ClassifyRootFile(file, layout);
                }
                else if (top == PackFiles.AssetsFolder)
                {
                    layout.Assets.Add(file);
                }
                else if (loader.folderTypes.TryGetValue(top, out var defaultType))
                {
                    if (segments.Length == 2 && file.Extension is ".md" or ".gift")
                    {
                        layout.Activities.Add((file, defaultType));
                    }
                    else
                    {
                        diagnostics.Warning(DiagnosticCodes.UnexpectedFile, SourcePoint.WholeFile(file.RelativePath),
                            $"'{file.RelativePath}' is not used: {top}/ holds .md files directly, without subfolders.",
                            "Move images to assets/.");
                    }
                }
                else if (declared.Contains(top))
                {
                    if (!layout.Translations.TryGetValue(top, out var list))
                    {
                        layout.Translations[top] = list = [];
                    }

                    list.Add(file);
                }
                else if (reportedFolders.Add(top))
                {
                    if (PackFiles.LooksLikeLanguage(top))
                    {
                        diagnostics.Warning(DiagnosticCodes.TranslationFolder, SourcePoint.WholeFile(top + "/"),
                            $"The folder '{top}/' looks like a translation, but '{top}' is not listed in pack.yml 'translations'; it is ignored.",
                            $"Add '{top}' to 'translations' in pack.yml.");
                    }
                    else
                    {
                        diagnostics.Warning(DiagnosticCodes.UnexpectedFile, SourcePoint.WholeFile(top + "/"),
                            $"The folder '{top}/' is not part of the pack format; it is ignored.",
                            $"Known folders: assets/, {string.Join(", ", loader.folderTypes.Keys.Order(StringComparer.Ordinal).Select(f => f + "/"))} and translation folders.");
                    }
                }
            }

            foreach (var language in manifest.Translations.Where(t => !layout.Translations.ContainsKey(t.Value)))
            {
                diagnostics.Warning(DiagnosticCodes.TranslationFolder, language.At,
                    $"'{language.Value}' is listed in 'translations' but the pack has no {language.Value}/ folder.",
                    $"Create {language.Value}/ with translated files, or remove '{language.Value}' from 'translations'.");
            }

            return layout;
        }

        private void ClassifyRootFile(ScannedFile file, Layout layout)
        {
            var stem = Path.GetFileNameWithoutExtension(file.Name).ToLowerInvariant();
            if (file.RelativePath == PackFiles.Manifest || RootFilesIgnored.Contains(stem))
            {
                return;
            }

            if (file.Extension == ".md")
            {
                layout.Modules.Add(file);
                return;
            }

            diagnostics.Warning(DiagnosticCodes.UnexpectedFile, SourcePoint.WholeFile(file.RelativePath),
                $"'{file.RelativePath}' is not part of the pack format; it is ignored.",
                file.Name == "pack.yaml" ? "Rename it to pack.yml." : "Put images and documents under assets/ and link to them.");
        }

        private Dictionary<string, PackTranslation> ReadTranslations(Layout layout, List<ModuleDraft> drafts,
            List<(PackActivity Activity, Located<string> Id)> activities, MarkdownInspector inspector, List<(string File, ActivityRef Ref)> refs)
        {
            var result = new Dictionary<string, PackTranslation>(StringComparer.Ordinal);
            foreach (var (language, files) in layout.Translations)
            {
                var modules = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
                var translatedActivities = new Dictionary<string, PackActivity>(StringComparer.Ordinal);
                (string? Title, string? Summary, string? Audience, string? GoalsPrompt) texts = default;
                foreach (var file in files)
                {
                    var original = file.RelativePath[(language.Length + 1)..];
                    var depth = original.Count(c => c == '/');
                    if (original == PackFiles.Manifest)
                    {
                        if (ReadText(file) is { } text)
                        {
                            texts = ManifestReader.ReadTranslation(text, file.RelativePath, diagnostics);
                        }
                    }
                    else if (depth == 0 && file.Extension == ".md")
                    {
                        var module = drafts.Find(d => d.SourceFile == original);
                        if (module is null)
                        {
                            ReportOrphan(file, original);
                        }
                        else if (ReadText(file) is { } text
                            && TranslationReader.ReadModule(language, file.RelativePath, text, module, inspector, refs, diagnostics) is { } localized)
                        {
                            modules[module.Id.Value] = localized;
                        }
                    }
                    else if (depth == 1 && loader.folderTypes.ContainsKey(original[..original.IndexOf('/')]) && file.Extension is ".md" or ".gift")
                    {
                        var activity = activities.Find(a => a.Activity.SourceFile == original).Activity;
                        if (activity is null)
                        {
                            ReportOrphan(file, original);
                        }
                        else if (ReadText(file) is { } text
                            && TranslationReader.ReadActivity(file.RelativePath, text, activity, inspector, diagnostics) is { } translated)
                        {
                            translatedActivities[activity.Id] = translated;
                        }
                    }
                    else
                    {
                        diagnostics.Warning(DiagnosticCodes.UnexpectedFile, SourcePoint.WholeFile(file.RelativePath),
                            $"'{file.RelativePath}' is not used: a translation folder mirrors module files, activity folders and pack.yml.",
                            "Images belong in the pack's assets/ folder (link to them with ../assets/).");
                    }
                }

                result[language] = new PackTranslation
                {
                    Language = language,
                    Title = texts.Title,
                    Summary = texts.Summary,
                    Audience = texts.Audience,
                    LearningGoalsPrompt = texts.GoalsPrompt,
                    Modules = modules,
                    Activities = translatedActivities,
                };
            }

            return result;
        }

        private void ReportOrphan(ScannedFile file, string original) =>
            diagnostics.Warning(DiagnosticCodes.TranslationWithoutOriginal, SourcePoint.WholeFile(file.RelativePath),
                $"'{file.RelativePath}' translates '{original}', which does not exist; it is ignored.",
                "A translation must have the same file name as its original.");

        private void RunPluginCheck(PackActivity activity)
        {
            if (loader.types[activity.Type].Validate is not { } validate)
            {
                return;
            }

            try
            {
                diagnostics.AddRange(validate(activity));
            }
#pragma warning disable CA1031 // A faulty plug-in must not stop the pack from being reported; its failure becomes a diagnostic.
            catch (Exception e)
#pragma warning restore CA1031
            {
                diagnostics.Error(DiagnosticCodes.UnknownActivityType, SourcePoint.WholeFile(activity.SourceFile),
                    $"The '{activity.Type}' plug-in failed to check this file: {e.Message}");
            }
        }

        private void CheckFolderName(Manifest manifest)
        {
            var folder = Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar));
            if (manifest.Id is { } id && PackFiles.IsValidId(id.Value) && folder != id.Value)
            {
                diagnostics.Warning(DiagnosticCodes.PackIdMismatch, id.At, $"The pack id '{id.Value}' differs from its folder name '{folder}'.",
                    "Name the folder after the id so authors and administrators find the pack.");
            }
        }

        private string? ReadText(ScannedFile file)
        {
            if (file.Length > limits.MaxTextFileBytes)
            {
                diagnostics.Error(DiagnosticCodes.FileTooLarge, SourcePoint.WholeFile(file.RelativePath),
                    $"The file is {file.Length / 1024.0:N0} KB; text files may be at most {limits.MaxTextFileBytes / 1024:N0} KB.",
                    "Split the module into several modules.");
                return null;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file.FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DiagnosticCodes.UnexpectedFile, SourcePoint.WholeFile(file.RelativePath), $"The file cannot be read: {e.Message}");
                return null;
            }

            hashes[file.RelativePath] = SHA256.HashData(bytes);
            return TextDecoder.Decode(bytes, file.RelativePath, diagnostics);
        }

        private string PackHash()
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var (path, fileHash) in hashes)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(path));
                hash.AppendData([0]);
                hash.AppendData(fileHash);
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }

    private sealed class Layout
    {
        public List<ScannedFile> Modules { get; } = [];

        public List<(ScannedFile File, string DefaultType)> Activities { get; } = [];

        public List<ScannedFile> Assets { get; } = [];

        public SortedDictionary<string, List<ScannedFile>> Translations { get; } = new(StringComparer.Ordinal);
    }
}
