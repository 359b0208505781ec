using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using ECampus.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ECampus.EndToEnd;

/// <summary>
/// A module discussion of the tutor-supported course, live, with two people at two browsers: what one does appears on
/// the other's page without a reload, and a locked thread stops taking replies however they are sent.
/// </summary>
public sealed class ForumJourneyTests : BrowserTest
{
    private const string Course = SamplePacks.TutorSupported;
    private const string LearnerEmail = "pia@example.org";
    private const string ThreadTitle = "Our youth wage subsidy";

    [Test]
    public async Task ALearnerPostsInAModuleDiscussion_TheTutorSeesItLive_AndLockingTheThreadTakesAwayTheReplyBox()
    {
        var site = await StartSetUpSiteAsync(Accounts.AdminEmail, [Course]);
        var tutorId = await site.CreateAccountAsync(Accounts.TutorEmail, Accounts.TutorName);
        await site.CreateAccountAsync(LearnerEmail, "Pia Policy");
        await SampleCourses.OpenTutorSupportedCohortAsync(site, Accounts.AdminEmail, tutorId);
        await SampleCourses.JoinTutorSupportedCohortAsync(site, LearnerEmail);

        // The learner finds week 1's discussion from the module; the tutor already has it open.
        var learner = await NewPersonAsync(site);
        await SignInAsync(learner, LearnerEmail);
        await learner.GotoAsync($"/courses/{Course}/modules/{SampleCourses.ForumModule}");
        await learner.GetByRole(AriaRole.Link, new() { Name = "Join the discussion" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "Discussion: Why evidence matters for decent work", Level = 1 })).ToBeVisibleAsync();
        var discussion = learner.Url;

        var tutor = await NewPersonAsync(site);
        await SignInAsync(tutor, Accounts.TutorEmail);
        await tutor.GotoAsync($"/courses/{Course}/modules/{SampleCourses.ForumModule}/discussion");
        await Expect(tutor).ToHaveURLAsync(discussion);
        await ExpectLiveAsync(tutor);
        await Expect(tutor.GetByText("No threads yet.")).ToBeVisibleAsync();

        // The learner starts a thread; it appears in the tutor's list without a reload.
        await learner.GetByLabel("Title").FillAsync(ThreadTitle);
        await learner.GetByLabel("Message (Markdown)").FillAsync("The ministry raised it in 2023 **without** a study. What evidence should we have asked for?");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Post thread" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = ThreadTitle, Level = 1 })).ToBeVisibleAsync();
        await Expect(tutor.GetByRole(AriaRole.Link, new() { Name = ThreadTitle })).ToBeVisibleAsync();
        await AssertNotReloadedAsync(tutor);

        // Both on the thread: the learner's reply and edit reach the tutor live, with the edit history moderators see.
        await tutor.GetByRole(AriaRole.Link, new() { Name = ThreadTitle }).ClickAsync();
        await ExpectLiveAsync(tutor);
        await ExpectLiveAsync(learner);
        await learner.GetByLabel("Your reply (Markdown)").FillAsync("I found the labour force survey for 2022.");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Expect(learner).ToHaveURLAsync(PostAnchor());
        await Expect(tutor.Locator("#thread-live").GetByText("I found the labour force survey for 2022.")).ToBeVisibleAsync();
        await ExpectLiveAsync(learner);
        var firstPost = learner.Locator("article.post").First;
        await firstPost.GetByText("Edit", new() { Exact = true }).ClickAsync();
        await firstPost.GetByLabel("Your post (Markdown)").FillAsync("The ministry raised it in 2023 **without** a study. Which evaluation would have helped?");
        await firstPost.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(tutor.Locator("article.post").First.Locator(".post-body")).ToContainTextAsync("Which evaluation would have helped?");
        await Expect(tutor.Locator("article.post").First.GetByText("Edit history: 1 earlier version")).ToBeVisibleAsync();
        await AssertNotReloadedAsync(tutor);

        // The learner goes back to the discussion; the tutor's reply lights the nav's badge there, live.
        await learner.GotoAsync(discussion);
        await ExpectLiveAsync(learner);
        await Expect(learner.Locator("#unread-count")).ToBeHiddenAsync();
        await tutor.GetByLabel("Your reply (Markdown)").FillAsync("Good start. A regression discontinuity at the age cut-off, perhaps?");
        await tutor.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Expect(tutor).ToHaveURLAsync(PostAnchor());
        await Expect(learner.Locator("#unread-count")).ToHaveTextAsync("1 new");
        await Expect(learner.GetByRole(AriaRole.Listitem).Filter(new() { HasText = ThreadTitle }).GetByText("New", new() { Exact = true })).ToBeVisibleAsync();
        await AssertNotReloadedAsync(learner);

        // Reading the thread clears the badge. A second tab of the learner's, without the live script, keeps its reply box.
        await learner.GetByRole(AriaRole.Link, new() { Name = ThreadTitle }).ClickAsync();
        await Expect(learner.Locator("#unread-count")).ToBeHiddenAsync();
        await ExpectLiveAsync(learner);
        var staleTab = await learner.Context.NewPageAsync();
        await staleTab.RouteAsync("**/js/forum-live.js", route => route.AbortAsync());
        await staleTab.GotoAsync(learner.Url);
        await Expect(staleTab.GetByRole(AriaRole.Button, new() { Name = "Post reply" })).ToBeVisibleAsync();

        // The tutor locks the thread: the learner's reply box goes, without a reload.
        await ExpectLiveAsync(tutor);
        await Expect(learner.GetByRole(AriaRole.Button, new() { Name = "Post reply" })).ToBeVisibleAsync();
        await tutor.GetByLabel("Reason (logged; needed to delete)").FillAsync("Week 1 is over");
        await tutor.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
        await Expect(tutor.GetByRole(AriaRole.Button, new() { Name = "Unlock", Exact = true })).ToBeVisibleAsync();
        await Expect(learner.GetByRole(AriaRole.Button, new() { Name = "Post reply" })).ToHaveCountAsync(0);
        await Expect(learner.GetByText("This thread is locked: it takes no more replies.")).ToBeVisibleAsync();
        await Expect(learner.GetByLabel("Your reply (Markdown)")).ToHaveCountAsync(0);
        await AssertNotReloadedAsync(learner);

        // The stale tab's reply, sent after the lock, is refused by the page handler too, and nothing is stored.
        await staleTab.GetByLabel("Your reply (Markdown)").FillAsync("One more thought before the week ends");
        var refused = await staleTab.RunAndWaitForResponseAsync(
            () => staleTab.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync(),
            response => response.Request.Method == "POST");
        Assert.That(refused.Status, Is.EqualTo((int)HttpStatusCode.Conflict), "the page handler took a reply in a locked thread");
        await Expect(staleTab.GetByRole(AriaRole.Alert)).ToContainTextAsync("This thread is locked");
        await using var db = site.Open();
        Assert.That(await db.ExecuteScalarAsync<long>("SELECT count(*) FROM forum_post WHERE body_markdown LIKE 'One more thought%'"), Is.Zero,
            "a reply was stored in a locked thread");
    }

    private static Regex PostAnchor() => new(@"/forums/threads/\d+#post-\d+$");

    private static async Task ExpectLiveAsync(IPage page)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-forum-live", "connected");
        await page.EvaluateAsync("() => window.notReloaded = true");
    }

    /// <summary>A reload would forget the mark <see cref="ExpectLiveAsync"/> left on the window.</summary>
    private static async Task AssertNotReloadedAsync(IPage page) =>
        Assert.That(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), Is.True, $"{page.Url} was reloaded, not updated in place");
}
