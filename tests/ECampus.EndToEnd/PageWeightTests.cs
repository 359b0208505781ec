using Microsoft.Playwright;

namespace ECampus.EndToEnd;

/// <summary>
/// The page weight budget (DESIGN.md): a learner page's first load, everything the browser fetches, weighs well under
/// 50 KB as transferred. Measured from a new browser (empty cache) as a person on a weak connection first meets it.
/// </summary>
public sealed class PageWeightTests : BrowserTest
{
    private const int BudgetBytes = 50 * 1024;

    [TestCase("/account/login")]
    [TestCase("/account/register")]
    [TestCase("/")]
    [TestCase("/courses")]
    [TestCase("/courses/intro-labour-standards")]
    [TestCase("/courses/intro-labour-standards/modules/what-are-labour-standards")]
    public async Task FirstLoad_WithEmptyCache_TransfersWellUnderBudget(string path)
    {
        var site = await StartSetUpSiteAsync(packs: [ECampus.Testing.SamplePacks.SelfPaced, ECampus.Testing.SamplePacks.TutorSupported, ECampus.Testing.SamplePacks.Webinar]);
        var page = await NewPersonAsync(site);
        var finished = new List<IRequest>();
        page.RequestFinished += (_, request) => finished.Add(request);
        page.RequestFailed += (_, request) => Assert.Fail($"{request.Url} failed: {request.Failure}");

        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.That(response?.Status, Is.EqualTo(200));

        var lines = new List<string>();
        long total = 0;
        foreach (var request in finished)
        {
            var sizes = await request.SizesAsync();
            var bytes = sizes.ResponseHeadersSize + sizes.ResponseBodySize;
            total += bytes;
            var encoding = (await request.ResponseAsync() is { } answer ? await answer.HeaderValueAsync("content-encoding") : null) ?? "identity";
            lines.Add($"{bytes,7:N0} B  {request.ResourceType,-10} {encoding,-8} {request.Url}");
        }

        var report = $"First load of {path}: {total:N0} bytes in {finished.Count} responses{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
        TestContext.Out.WriteLine(report);
        // Chromium files the favicon under "other"; it still counts towards the weight.
        Assert.That(finished.Where(r => !r.Url.EndsWith("/favicon.svg", StringComparison.Ordinal)).Select(r => r.ResourceType),
            Is.SubsetOf(new[] { "document", "stylesheet", "image", "font" }),
            $"A first load needs only HTML, CSS and perhaps images.{Environment.NewLine}{report}");
        Assert.That(total, Is.LessThan(BudgetBytes), report);
    }
}
