using System.Runtime.CompilerServices;
using ECampus.Content.Loading;

namespace ECampus.Content.Rendering;

/// <summary>
/// Renders pack text through <see cref="SafeMarkdown"/> with the pack's settings: raw HTML only when the pack
/// allows it, activity placeholders for the installed types, relative links rewritten to the engine's URLs
/// (links that do not resolve to an asset or module are dropped, keeping their text).
/// </summary>
public sealed class PackRenderer
{
    private static readonly ConditionalWeakTable<Pack, PackIndex> Indexes = new();

    private readonly SafeMarkdown markdown;
    private readonly HashSet<string> activityTypes;

    /// <summary>Creates a renderer.</summary>
    /// <param name="markdown">The shared pipeline.</param>
    /// <param name="activityTypes">Types to render as placeholders; <see cref="ActivityType.Defaults"/> when null.</param>
    public PackRenderer(SafeMarkdown markdown, IEnumerable<ActivityType>? activityTypes = null)
    {
        this.markdown = markdown ?? throw new ArgumentNullException(nameof(markdown));
        this.activityTypes = (activityTypes ?? ActivityType.Defaults).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Renders <paramref name="module"/> in <paramref name="language"/> (falling back per file to the default language).</summary>
    public RenderedModule RenderModule(Pack pack, PackModule module, string? language, PackUrls urls)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var text = pack.TextOf(module, language);
        var result = Render(pack, text.SourceFile, text.Markdown, text.BodyLine, urls);
        return new RenderedModule(text.Language, text.Title, result.Html, result.Diagnostics);
    }

    /// <summary>
    /// Renders other Markdown from the pack (an activity body, an assignment brief) with the same rules;
    /// <paramref name="sourceFile"/> decides how relative links resolve.
    /// </summary>
    public MarkdownRenderResult Render(Pack pack, string sourceFile, string text, int firstLine, PackUrls urls)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(urls);
        var index = Indexes.GetValue(pack, PackIndex.Build);
        var options = new SafeMarkdownOptions
        {
            AllowRawHtml = pack.AllowRawHtml,
            ActivityTypes = activityTypes,
            SourceFile = sourceFile,
            FirstLine = firstLine,
            RewriteRelativeUrl = url => Rewrite(sourceFile, url, index.Assets.Contains, index.ModuleFiles, urls),
        };
        return markdown.Render(text, options);
    }

    /// <summary>Lookups built once per pack snapshot (a pack is immutable, so they never go stale).</summary>
    private sealed record PackIndex(HashSet<string> Assets, Dictionary<string, string> ModuleFiles)
    {
        public static PackIndex Build(Pack pack)
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var module in pack.Modules)
            {
                files[module.SourceFile] = module.Id;
                foreach (var language in pack.Languages)
                {
                    files[$"{language}/{module.SourceFile}"] = module.Id;
                }
            }

            return new PackIndex(pack.Assets.Select(a => a.RelativePath).ToHashSet(StringComparer.Ordinal), files);
        }
    }

    private static string? Rewrite(string sourceFile, string url, Func<string, bool> isAsset, Dictionary<string, string> modules, PackUrls urls)
    {
        var target = PackLinks.Resolve(sourceFile, url, isAsset, modules.ContainsKey);
        return target.Kind switch
        {
            LinkKind.Asset => urls.AssetPrefix + EscapePath(target.Path[(PackFiles.AssetsFolder.Length + 1)..]) + target.Tail,
            LinkKind.Module => urls.ModulePrefix + modules[target.Path] + PrefixFragment(target.Tail),
            _ => null,
        };
    }

    /// <summary>Heading ids are prefixed by the sanitiser, so a link into another module must carry the prefix too.</summary>
    private static string PrefixFragment(string tail)
    {
        var hash = tail.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 || hash == tail.Length - 1 ? tail : tail[..(hash + 1)] + SafeMarkdownOptions.Default.IdPrefix + tail[(hash + 1)..];
    }

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
