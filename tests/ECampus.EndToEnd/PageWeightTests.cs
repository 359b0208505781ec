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

    /// <summary>
    /// Forum pages are the only ones with script: the SignalR client and the live script, both from the site. With
    /// them, and signed in, a first load stays under the same budget.
    /// </summary>
    [Test]
    public async Task ForumPages_FirstLoadSignedIn_WithTheLiveScript_TransferWellUnderBudget()
    {
        var site = await StartSiteAsync(ECampus.Testing.SamplePacks.SelfPaced, ECampus.Testing.SamplePacks.TutorSupported, ECampus.Testing.SamplePacks.Webinar);
        await SampleCourses.PrepareSharedSiteAsync(site, await Accounts.AddEveryKindAsync(site));
        var signIn = await NewPersonAsync(site);
        await SignInAsync(signIn, Accounts.GoalsLearnerEmail);
        var cookies = (await signIn.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite, Expires = c.Expires,
        }).ToList();

        var reports = new List<string>();
        var over = new List<string>();
        foreach (var path in new[] { "/courses/evidence-based-policy/forums", "/forums/{discussion}", "/forums/threads/{thread}", "/communities", "/forums/notifications" })
        {
            var page = await NewPersonAsync(site);
            await page.Context.AddCookiesAsync(cookies);
            var finished = new List<IRequest>();
            page.RequestFinished += (_, request) => finished.Add(request);
            var url = await SampleCourses.ForumPathAsync(site, path);
            var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.That(response?.Status, Is.EqualTo(200), url);

            long total = 0;
            var lines = new List<string>();
            foreach (var request in finished)
            {
                var sizes = await request.SizesAsync();
                total += sizes.ResponseHeadersSize + sizes.ResponseBodySize;
                lines.Add($"{sizes.ResponseHeadersSize + sizes.ResponseBodySize,7:N0} B  {request.ResourceType,-10} {request.Url}");
                if (request.ResourceType == "script")
                {
                    Assert.That(new Uri(request.Url).AbsolutePath, Is.AnyOf("/js/signalr.min.js", "/js/forum-live.js"), $"{path} loads a script it should not");
                }
            }

            var report = $"First load of {path} signed in: {total:N0} bytes in {finished.Count} responses{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
            reports.Add(report);
            if (total >= BudgetBytes)
            {
                over.Add(report);
            }
        }

        TestContext.Out.WriteLine(string.Join(Environment.NewLine + Environment.NewLine, reports));
        Assert.That(over, Is.Empty, string.Join(Environment.NewLine, over));
    }
}
