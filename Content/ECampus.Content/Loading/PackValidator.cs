namespace ECampus.Content.Loading;

/// <summary>
/// Pack-wide checks once every file has been read: unique ids, module order, references from pack.yml and
/// from activity blocks, unlock dates and cycles, certificate and effort consistency.
/// </summary>
internal sealed class PackValidator(
    Manifest manifest,
    IReadOnlyDictionary<string, ActivityType> activityTypes,
    DiagnosticBag diagnostics)
{
    /// <summary>Checks modules and returns them in course order with resolved unlock rules.</summary>
    /// <param name="drafts">The modules that were read successfully.</param>
    /// <param name="moduleFiles">How many module files the pack has, readable or not.</param>
    public List<PackModule> Modules(IReadOnlyList<ModuleDraft> drafts, int moduleFiles)
    {
        var byId = new Dictionary<string, ModuleDraft>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            if (byId.TryGetValue(draft.Id.Value, out var first))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateModuleId, draft.Id.At,
                    $"Module id '{draft.Id.Value}' is already used by {first.SourceFile}.",
                    "Give each module its own 'id' in its front matter.");
                continue;
            }

            byId.Add(draft.Id.Value, draft);
        }

        var ordered = Order(drafts.Where(d => byId[d.Id.Value] == d).ToList(), byId);
        if (moduleFiles == 0 && manifest.Format is not CourseFormat.Webinar)
        {
            diagnostics.Error(DiagnosticCodes.NoModules, SourcePoint.WholeFile(PackFiles.Manifest), "The pack has no modules.",
                "Add a Markdown file such as 01-introduction.md next to pack.yml.");
        }

        var modules = new List<PackModule>(ordered.Count);
        foreach (var draft in ordered)
        {
            modules.Add(ToModule(draft, byId));
        }

        ReportCycles(ordered, modules);
        return modules;
    }

    /// <summary>Checks activity ids and every reference to modules and activities.</summary>
    public void References(
        IReadOnlyList<(PackActivity Activity, Located<string> Id)> activities,
        IReadOnlyList<PackModule> modules,
        IReadOnlyList<(string File, ActivityRef Ref)> allRefs)
    {
        var byId = new Dictionary<string, PackActivity>(StringComparer.Ordinal);
        foreach (var (activity, id) in activities)
        {
            if (byId.TryGetValue(activity.Id, out var first))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateActivityId, id.At,
                    $"Activity id '{activity.Id}' is already used by {first.SourceFile}.",
                    "Give each activity its own 'id' in its front matter, or rename one of the files.");
                continue;
            }

            byId.Add(activity.Id, activity);
        }

        var fileless = new Dictionary<string, (string File, ActivityRef Ref)>(StringComparer.Ordinal);
        foreach (var (file, reference) in allRefs)
        {
            var at = new SourcePoint(file, reference.Line, reference.Column);
            var type = activityTypes[reference.Type];
            if (type.RequiresFile)
            {
                CheckActivity(reference.Id, reference.Type, at, byId);
            }
            else if (byId.TryGetValue(reference.Id, out var clash))
            {
                diagnostics.Error(DiagnosticCodes.ActivityTypeMismatch, at,
                    $"'{reference.Id}' is the id of {clash.SourceFile} ({Article(clash.Type)} {clash.Type}), not {Article(reference.Type)} {reference.Type}.",
                    $"Give the {reference.Type} its own id.");
            }
        }

        foreach (var module in modules)
        {
            foreach (var reference in module.Activities.Where(r => !activityTypes[r.Type].RequiresFile))
            {
                if (fileless.TryGetValue(reference.Id, out var first))
                {
                    diagnostics.Error(DiagnosticCodes.DuplicateActivityId, new SourcePoint(module.SourceFile, reference.Line, reference.Column),
                        $"The {reference.Type} id '{reference.Id}' is already used in {first.File} line {first.Ref.Line}.",
                        $"Each {reference.Type} needs its own id; progress and posts are keyed by it.");
                    continue;
                }

                fileless.Add(reference.Id, (module.SourceFile, reference));
            }
        }

        if (manifest.PreAssessment is { } pre)
        {
            CheckActivity(pre.Value, ActivityType.Quiz.Name, pre.At, byId);
        }

        if (manifest.PostAssessment is { } post)
        {
            CheckActivity(post.Value, ActivityType.Quiz.Name, post.At, byId);
        }

        if (manifest.CertificateAssessment is { } passed)
        {
            CheckActivity(passed.Value, ActivityType.Quiz.Name, passed.At, byId);
        }

        var moduleIds = modules.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        CheckList(manifest.CompletionModules, "completion.modules", moduleIds, DiagnosticCodes.UnknownModule, "module");
        var activityIds = byId.Keys.Concat(fileless.Keys).ToHashSet(StringComparer.Ordinal);
        CheckList(manifest.CompletionActivities, "completion.activities", activityIds, DiagnosticCodes.UnknownActivity, "activity");
    }

    /// <summary>Certificate and effort consistency; returns the course effort in minutes.</summary>
    /// <param name="modules">The modules.</param>
    /// <param name="complete">False when some module files could not be read, so sums would mislead.</param>
    public int Effort(IReadOnlyList<PackModule> modules, bool complete)
    {
        var sum = modules.Sum(m => m.EffortMinutes);
        if (complete && manifest.Effort is { } stated && stated.Value < sum)
        {
            diagnostics.Warning(DiagnosticCodes.EffortBelowModules, stated.At,
                $"The course effort ({Hours(stated.Value)}) is less than the sum of its modules ({Hours(sum)}).",
                "Raise 'effort' or remove it to use the sum of the modules.");
        }

        var effort = manifest.Effort?.Value ?? sum;
        var award = manifest.Award;
        if (award.Value is CertificateKind.Achievement or CertificateKind.Diploma
            && manifest.CertificateAssessment is null && manifest.PostAssessment is null)
        {
            diagnostics.Error(DiagnosticCodes.MissingKey, award.At,
                $"A certificate of {award.Value.ToString().ToLowerInvariant()} needs an assessment to pass.",
                "Set 'assessment.post' or 'certificate.assessment' to a quiz id.");
        }

        var required = manifest.Thresholds.HoursFor(award.Value);
        if (complete && award.Value != CertificateKind.None && effort < required * 60)
        {
            diagnostics.Warning(DiagnosticCodes.CertificateThreshold, award.At,
                $"A certificate of {award.Value.ToString().ToLowerInvariant()} needs at least {required} h of effort; this course has {Hours(effort)}.",
                $"Lower 'certificate.thresholds.{award.Value.ToString().ToLowerInvariant()}' if your institution awards it for shorter courses.");
        }

        return effort;
    }

    private List<ModuleDraft> Order(List<ModuleDraft> drafts, Dictionary<string, ModuleDraft> byId)
    {
        if (manifest.ModuleOrder is null)
        {
            return drafts;
        }

        var ordered = new List<ModuleDraft>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.ModuleOrder)
        {
            if (!listed.Add(entry.Value))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateEntry, entry.At, $"Module '{entry.Value}' is listed twice in 'modules'.");
            }
            else if (byId.TryGetValue(entry.Value, out var draft))
            {
                ordered.Add(draft);
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.UnknownModule, entry.At, $"No module has the id '{entry.Value}'.",
                    Suggest.DidYouMean(entry.Value, byId.Keys) ?? "Module ids come from 'id' in the front matter, or from the file name without its number.");
            }
        }

        foreach (var draft in drafts.Where(d => !listed.Contains(d.Id.Value)))
        {
            diagnostics.Warning(DiagnosticCodes.ModuleNotInOrder, draft.Id.At,
                $"Module '{draft.Id.Value}' is not listed in pack.yml 'modules'; it comes after the listed ones.",
                "Add it to 'modules' in pack.yml, or remove 'modules' to order by file name.");
            ordered.Add(draft);
        }

        return ordered;
    }

    private PackModule ToModule(ModuleDraft draft, Dictionary<string, ModuleDraft> byId)
    {
        var schedule = manifest.Schedule;
        if (draft.Week is { } week && schedule is not null && week > schedule.Weeks)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, draft.WeekAt,
                $"Week {week} is after the end of the schedule ({schedule.Weeks} weeks).", "Fix 'week' or raise 'schedule.weeks' in pack.yml.");
        }

        DateOnly? date = null;
        if (draft.Unlock == UnlockKind.OnDate)
        {
            date = draft.Opens ?? (draft.Week is { } w && schedule is not null ? schedule.WeekStart(w) : null);
            if (date is null && !draft.OpensWritten)
            {
                diagnostics.Error(DiagnosticCodes.UnlockDateMissing, draft.UnlockAt,
                    $"Module '{draft.Id.Value}' unlocks on a date, but no date is known.",
                    "Add 'opens: YYYY-MM-DD', or give the module a 'week' and pack.yml a 'schedule'.");
            }
        }

        var requires = new List<string>();
        foreach (var required in draft.Requires)
        {
            if (requires.Contains(required.Value))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateEntry, required.At, $"'{required.Value}' is listed twice in 'requires'.");
            }
            else if (!byId.ContainsKey(required.Value))
            {
                diagnostics.Error(DiagnosticCodes.UnknownModule, required.At, $"No module has the id '{required.Value}'.",
                    Suggest.DidYouMean(required.Value, byId.Keys) ?? "Module ids come from 'id' in the front matter, or from the file name without its number.");
            }
            else
            {
                requires.Add(required.Value);
            }
        }

        return new PackModule
        {
            Id = draft.Id.Value,
            Title = draft.Title,
            Week = draft.Week,
            EffortMinutes = draft.EffortMinutes,
            Unlock = new UnlockRule(draft.Unlock, date, requires) { DateFromWeek = draft.Unlock == UnlockKind.OnDate && draft.Opens is null && date is not null },
            SourceFile = draft.SourceFile,
            Markdown = draft.Markdown,
            BodyLine = draft.BodyLine,
            Activities = draft.Activities,
        };
    }

    /// <summary>
    /// Peels off modules whose prerequisites can all be met; whatever is left waits on a cycle. Each cycle is
    /// reported once, at the unlock rule of one of its modules.
    /// </summary>
    private void ReportCycles(List<ModuleDraft> ordered, List<PackModule> modules)
    {
        var waitsOn = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < modules.Count; i++)
        {
            var edges = new List<string>(modules[i].Unlock.Requires);
            if (modules[i].Unlock.Kind == UnlockKind.AfterPrevious && i > 0)
            {
                edges.Add(modules[i - 1].Id);
            }

            waitsOn[modules[i].Id] = edges;
        }

        var open = new HashSet<string>(StringComparer.Ordinal);
        bool progress;
        do
        {
            progress = false;
            foreach (var (id, edges) in waitsOn)
            {
                if (!open.Contains(id) && edges.TrueForAll(open.Contains))
                {
                    open.Add(id);
                    progress = true;
                }
            }
        }
        while (progress);

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in modules.Select(m => m.Id).Where(id => !open.Contains(id)))
        {
            var path = new List<string>();
            var current = start;
            while (!path.Contains(current) && !reported.Contains(current))
            {
                path.Add(current);
                current = waitsOn[current].First(next => !open.Contains(next));
            }

            if (reported.Contains(current))
            {
                continue;
            }

            var cycle = path[path.IndexOf(current)..];
            reported.UnionWith(cycle);
            var draft = ordered.First(d => d.Id.Value == cycle[0]);
            var cyclicRequire = draft.Requires.Where(r => cycle.Contains(r.Value)).Select(r => (SourcePoint?)r.At).FirstOrDefault();
            var at = cyclicRequire ?? draft.UnlockAt;
            diagnostics.Error(DiagnosticCodes.UnlockCycle, at,
                $"Unlock rules form a cycle: {string.Join(" → ", cycle.Append(cycle[0]))}; none of these modules can ever open.",
                "Remove one of the 'requires' entries, or change 'unlock: after-previous' on one of them.");
        }
    }

    private void CheckActivity(string id, string expectedType, SourcePoint at, Dictionary<string, PackActivity> byId)
    {
        if (!byId.TryGetValue(id, out var activity))
        {
            var folder = activityTypes.TryGetValue(expectedType, out var type) ? type.Folder : null;
            var sameType = byId.Values.Where(a => a.Type == expectedType).Select(a => a.Id);
            diagnostics.Error(DiagnosticCodes.UnknownActivity, at, $"No {expectedType} has the id '{id}'.",
                Suggest.DidYouMean(id, sameType) ?? (folder is null ? null : $"Create {folder}/{id}.md or fix the id."));
            return;
        }

        if (activity.Type != expectedType)
        {
            diagnostics.Error(DiagnosticCodes.ActivityTypeMismatch, at,
                $"'{id}' is {Article(activity.Type)} {activity.Type} ({activity.SourceFile}), not {Article(expectedType)} {expectedType}.",
                $"Point to a {expectedType}, or change the block to ':::activity {activity.Type} {id}'.");
        }
    }

    private void CheckList(IReadOnlyList<Located<string>> entries, string key, HashSet<string> known, string code, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!seen.Add(entry.Value))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateEntry, entry.At, $"'{entry.Value}' is listed twice in '{key}'.");
            }
            else if (!known.Contains(entry.Value))
            {
                diagnostics.Error(code, entry.At, $"No {what} has the id '{entry.Value}'.", Suggest.DidYouMean(entry.Value, known));
            }
        }
    }

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Hours(int minutes) =>
        minutes % 60 == 0 ? $"{minutes / 60} h" : minutes < 60 ? $"{minutes} min" : $"{minutes / 60} h {minutes % 60} min";
}
