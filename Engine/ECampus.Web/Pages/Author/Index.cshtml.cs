using ECampus.Engine;
using Microsoft.Extensions.Options;

namespace ECampus.Web.Pages.Author;

public sealed class IndexModel(IOptions<EcampusOptions> options) : EcampusPage
{
    public IReadOnlyList<(string Folder, IReadOnlyList<string> Packs)> Folders { get; private set; } = [];

    public void OnGet() =>
        Folders = options.Value.PackFolders
            .Select(Path.GetFullPath)
            .Select(folder => (folder, (IReadOnlyList<string>)(Directory.Exists(folder)
                ? Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
                : [])))
            .ToList();
}
