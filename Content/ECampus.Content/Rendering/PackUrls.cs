namespace ECampus.Content.Rendering;

/// <summary>Where the engine serves a pack's assets and modules; relative links in Markdown are rewritten onto these.</summary>
/// <param name="AssetPrefix">Prefix for files under assets/, e.g. <c>/courses/intro/assets/</c> (<c>assets/map.png</c> becomes <c>/courses/intro/assets/map.png</c>).</param>
/// <param name="ModulePrefix">Prefix for module pages, e.g. <c>/courses/intro/modules/</c> (a link to <c>02-rights.md</c> becomes <c>/courses/intro/modules/rights</c>).</param>
public sealed record PackUrls(string AssetPrefix, string ModulePrefix);
