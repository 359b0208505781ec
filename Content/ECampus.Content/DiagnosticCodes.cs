namespace ECampus.Content;

/// <summary>
/// The stable diagnostic codes of the pack format. Codes are never reused for a different problem;
/// docs/content-packs.md lists each one with its fix.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The folder has no <c>pack.yml</c>.</summary>
    public const string PackFileMissing = "PACK001";

    /// <summary>A file is larger than the limit for its kind.</summary>
    public const string FileTooLarge = "PACK002";

    /// <summary>A text file is not valid UTF-8.</summary>
    public const string NotUtf8 = "PACK003";

    /// <summary>A text file contains binary data.</summary>
    public const string BinaryFile = "PACK004";

    /// <summary>The pack has too many files, too deep folders or too many bytes in total.</summary>
    public const string PackTooLarge = "PACK005";

    /// <summary>A symbolic link inside the pack.</summary>
    public const string SymbolicLink = "PACK006";

    /// <summary>A file or folder the format does not use (it is ignored).</summary>
    public const string UnexpectedFile = "PACK007";

    /// <summary>YAML that does not parse.</summary>
    public const string BadYaml = "PACK010";

    /// <summary>A key the format does not know.</summary>
    public const string UnknownKey = "PACK011";

    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "PACK012";

    /// <summary>A value of the wrong type (a list where text is expected, text where a number is expected...).</summary>
    public const string WrongType = "PACK013";

    /// <summary>A value of the right type that is not allowed (unknown format, out of range, inconsistent).</summary>
    public const string InvalidValue = "PACK014";

    /// <summary>A date that does not parse as <c>YYYY-MM-DD</c>.</summary>
    public const string InvalidDate = "PACK015";

    /// <summary>An id that is not lower-case letters, digits and dashes.</summary>
    public const string InvalidId = "PACK016";

    /// <summary>A module or activity file without front matter, or with front matter that is not closed.</summary>
    public const string FrontMatter = "PACK017";

    /// <summary>A key in a translation that only the original file may set.</summary>
    public const string IgnoredInTranslation = "PACK018";

    /// <summary>Two modules with the same id.</summary>
    public const string DuplicateModuleId = "PACK020";

    /// <summary>Two activities with the same id.</summary>
    public const string DuplicateActivityId = "PACK021";

    /// <summary>A reference to a module id that does not exist.</summary>
    public const string UnknownModule = "PACK022";

    /// <summary>A reference to an activity id that does not exist.</summary>
    public const string UnknownActivity = "PACK023";

    /// <summary>A reference names an activity of another type (a quiz used as an assignment...).</summary>
    public const string ActivityTypeMismatch = "PACK024";

    /// <summary>Unlock rules that wait on each other in a circle.</summary>
    public const string UnlockCycle = "PACK025";

    /// <summary>An <c>on-date</c> unlock with no date to unlock on.</summary>
    public const string UnlockDateMissing = "PACK026";

    /// <summary>A pack with no modules (only webinar packs may have none).</summary>
    public const string NoModules = "PACK027";

    /// <summary>A module missing from an explicit <c>modules</c> order (it is appended at the end).</summary>
    public const string ModuleNotInOrder = "PACK028";

    /// <summary>The same id listed twice in one list.</summary>
    public const string DuplicateEntry = "PACK029";

    /// <summary>Text too large or too deeply nested to parse safely.</summary>
    public const string TooComplex = "PACK030";

    /// <summary>A <c>:::</c> block whose name is not known.</summary>
    public const string UnknownBlock = "PACK031";

    /// <summary>An activity block or file whose type no installed plug-in provides.</summary>
    public const string UnknownActivityType = "PACK032";

    /// <summary>An activity block without a type or id, or with extra words.</summary>
    public const string MalformedBlock = "PACK033";

    /// <summary>A <c>:::</c> block that is never closed.</summary>
    public const string UnclosedBlock = "PACK034";

    /// <summary>Raw HTML in a pack that does not allow it (it is shown as text).</summary>
    public const string RawHtmlNotAllowed = "PACK035";

    /// <summary>A link or image with a scheme other than http, https or mailto.</summary>
    public const string UrlSchemeNotAllowed = "PACK036";

    /// <summary>A path that leaves the pack (<c>../</c>, absolute path, backslash, network path).</summary>
    public const string PathLeavesPack = "PACK037";

    /// <summary>A relative link or image whose target is not an asset or module of the pack.</summary>
    public const string LinkTargetMissing = "PACK038";

    /// <summary>A translated file with no original in the default language.</summary>
    public const string TranslationWithoutOriginal = "PACK040";

    /// <summary>A translation folder not declared in <c>translations</c>, or a declared one that is missing.</summary>
    public const string TranslationFolder = "PACK041";

    /// <summary>An asset that could run script in the browser (HTML, JavaScript, SVG with script).</summary>
    public const string UnsafeAsset = "PACK042";

    /// <summary>An asset with an extension the format does not know (served as a download).</summary>
    public const string UnknownAssetType = "PACK043";

    /// <summary>The stated course effort is less than the sum of its modules.</summary>
    public const string EffortBelowModules = "PACK044";

    /// <summary>The certificate awarded needs more effort than the course states.</summary>
    public const string CertificateThreshold = "PACK045";

    /// <summary>The pack id differs from its folder name.</summary>
    public const string PackIdMismatch = "PACK047";

    /// <summary>Every code with a one-line title, in code order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All { get; } =
    [
        new(PackFileMissing, "pack.yml missing"),
        new(FileTooLarge, "file too large"),
        new(NotUtf8, "text file is not UTF-8"),
        new(BinaryFile, "binary data in a text file"),
        new(PackTooLarge, "too many files, folders too deep, or pack too large"),
        new(SymbolicLink, "symbolic link"),
        new(UnexpectedFile, "file or folder not used by the format"),
        new(BadYaml, "YAML does not parse"),
        new(UnknownKey, "unknown key"),
        new(MissingKey, "required key missing"),
        new(WrongType, "value of the wrong type"),
        new(InvalidValue, "value not allowed"),
        new(InvalidDate, "date does not parse"),
        new(InvalidId, "invalid id"),
        new(FrontMatter, "front matter missing or not closed"),
        new(IgnoredInTranslation, "key ignored in a translation"),
        new(DuplicateModuleId, "duplicate module id"),
        new(DuplicateActivityId, "duplicate activity id"),
        new(UnknownModule, "unknown module id"),
        new(UnknownActivity, "unknown activity id"),
        new(ActivityTypeMismatch, "activity of another type"),
        new(UnlockCycle, "unlock rules form a cycle"),
        new(UnlockDateMissing, "on-date unlock without a date"),
        new(NoModules, "no modules"),
        new(ModuleNotInOrder, "module not in the modules list"),
        new(DuplicateEntry, "id listed twice"),
        new(TooComplex, "text too large or too deeply nested"),
        new(UnknownBlock, "unknown custom block"),
        new(UnknownActivityType, "unknown activity type"),
        new(MalformedBlock, "malformed activity block"),
        new(UnclosedBlock, "custom block not closed"),
        new(RawHtmlNotAllowed, "raw HTML not allowed"),
        new(UrlSchemeNotAllowed, "URL scheme not allowed"),
        new(PathLeavesPack, "path leaves the pack"),
        new(LinkTargetMissing, "link target missing"),
        new(TranslationWithoutOriginal, "translation without an original"),
        new(TranslationFolder, "translation folder and declaration disagree"),
        new(UnsafeAsset, "asset could run script"),
        new(UnknownAssetType, "unknown asset type"),
        new(EffortBelowModules, "stated effort below the sum of modules"),
        new(CertificateThreshold, "certificate needs more effort"),
        new(PackIdMismatch, "pack id differs from folder name"),
    ];
}
