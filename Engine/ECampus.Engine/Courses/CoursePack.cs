using System.Collections.Concurrent;
using ECampus.Content;
using ECampus.Content.Rendering;

namespace ECampus.Engine.Courses;

/// <summary>
/// One validated version of a pack as the site serves it, with its modules' HTML rendered at most once per language.
/// A new version of the folder is a new <see cref="CoursePack"/>, so the rendered HTML can never outlive the text it
/// came from and needs no invalidation.
/// </summary>
public sealed class CoursePack
{
    private readonly PackRenderer _renderer;
    private readonly ConcurrentDictionary<(string ModuleId, string Language), Lazy<RenderedModule>> _rendered = new();
    private readonly ConcurrentDictionary<(string SourceFile, string Markdown), string> _renderedTexts = new();

    /// <summary>Pack texts kept rendered per version; past this (an attempt-heavy site with huge quizzes) they are rendered per use.</summary>
    private const int RenderedTextsKept = 20_000;

    public CoursePack(Pack pack, DateTimeOffset loadedAt, PackUrls urls, PackRenderer renderer)
    {
        Pack = pack ?? throw new ArgumentNullException(nameof(pack));
        Urls = urls ?? throw new ArgumentNullException(nameof(urls));
        _renderer = renderer ?? throw new ArgumentNullException(nameof(renderer));
        LoadedAt = loadedAt;
    }

    public Pack Pack { get; }

    public string Id => Pack.Id;

    public string ContentHash => Pack.ContentHash;

    public DateTimeOffset LoadedAt { get; }

    /// <summary>Where links in the rendered HTML point: <see cref="UrlsFor"/> of the pack id.</summary>
    public PackUrls Urls { get; }

    /// <summary>The site's URL convention: assets under <c>/courses/{id}/assets/</c>, module pages under <c>/courses/{id}/modules/{moduleId}</c>.</summary>
    public static PackUrls UrlsFor(string packId) => new($"/courses/{packId}/assets/", $"/courses/{packId}/modules/");

    /// <summary>
    /// The module's sanitised HTML in <paramref name="language"/> (falling back per file to the pack's language;
    /// <see cref="RenderedModule.Language"/> says which). Rendered on first use, then shared by every request.
    /// </summary>
    /// <exception cref="ArgumentException">The module belongs to another version of the pack.</exception>
    public RenderedModule Render(PackModule module, string? language)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (!ReferenceEquals(Pack.FindModule(module.Id), module))
        {
            throw new ArgumentException($"Module '{module.Id}' is not part of this version of pack '{Id}'; take modules and rendering from the same {nameof(CoursePack)}.", nameof(module));
        }

        // Keyed by the language actually used, so any requested language costs at most one render per translation.
        var used = Pack.TextOf(module, language).Language;
        return _rendered.GetOrAdd((module.Id, used), static (key, state) =>
            new Lazy<RenderedModule>(() => state._renderer.RenderModule(state.Pack, state.Pack.FindModule(key.ModuleId)!, key.Language, state.Urls)), this).Value;
    }

    /// <summary>
    /// Other Markdown written in this pack (a question, an option, feedback, possibly from an earlier version of the
    /// file) as sanitised HTML by the pack's rules; links resolve from <paramref name="sourceFile"/>. Text too complex
    /// to render is shown encoded, as written.
    /// </summary>
    public string RenderText(string sourceFile, string markdown)
    {
        ArgumentNullException.ThrowIfNull(sourceFile);
        ArgumentNullException.ThrowIfNull(markdown);
        if (_renderedTexts.TryGetValue((sourceFile, markdown), out var html))
        {
            return html;
        }

        var result = _renderer.Render(Pack, sourceFile, markdown, 1, Urls);
        html = result.Html.Length > 0 || string.IsNullOrWhiteSpace(markdown)
            ? result.Html
            : "<p>" + System.Net.WebUtility.HtmlEncode(markdown) + "</p>";
        if (_renderedTexts.Count < RenderedTextsKept)
        {
            _renderedTexts.TryAdd((sourceFile, markdown), html);
        }

        return html;
    }
}
