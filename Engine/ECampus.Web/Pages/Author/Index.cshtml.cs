using System.Globalization;
using ECampus.Engine.Courses;
using ECampus.Engine.Features.Packs;
using Mediator;

namespace ECampus.Web.Pages.Author;

public sealed class IndexModel(IMediator mediator) : EcampusPage
{
    public PackReports Reports { get; private set; } = new(0, [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Reports = await mediator.Send(new ListPackReports(), cancellationToken);

    public static string StateText(PackState state) => state switch
    {
        PackState.Serving => "serving",
        PackState.ServingLastGood => "serving the last good version",
        PackState.Failed => "not served",
        _ => "removed",
    };

    public static string StateClass(PackState state) => state switch
    {
        PackState.Serving => "ok",
        PackState.ServingLastGood => "warn",
        PackState.Failed => "danger",
        _ => "",
    };

    /// <summary><c>file:line:column</c> as compilers print it; the pack folder itself when the problem has no file.</summary>
    public static string Where(PackDiagnosticView diagnostic)
    {
        var file = diagnostic.File.Length == 0 ? "(pack folder)" : diagnostic.File;
        return diagnostic.Line <= 0 ? file
            : diagnostic.Column <= 0 ? string.Create(CultureInfo.InvariantCulture, $"{file}:{diagnostic.Line}")
            : string.Create(CultureInfo.InvariantCulture, $"{file}:{diagnostic.Line}:{diagnostic.Column}");
    }

    public static string Count(int count, string word) => string.Create(CultureInfo.InvariantCulture, $"{count} {word}{(count == 1 ? "" : "s")}");

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Moment(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
