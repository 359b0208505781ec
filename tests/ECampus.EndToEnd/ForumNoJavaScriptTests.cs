using Dapper;
using ECampus.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ECampus.EndToEnd;

/// <summary>
/// Forums in browsers with JavaScript turned off: every step is a plain form post and a reload shows the result.
/// A learner starts a thread and edits it, another replies off topic, the first reports that reply, and the tutor
/// hides it from the moderation queue and locks the thread.
/// </summary>
public sealed class ForumNoJavaScriptTests : BrowserTest
{
    private const string Course = SamplePacks.TutorSupported;

    [Test]
    public async Task WithoutJavaScript_LearnersStartReplyAndReport_AndTheTutorModerates()
    {
        var site = await StartSetUpSiteAsync(Accounts.AdminEmail, [Course]);
        var tutorId = await site.CreateAccountAsync(Accounts.TutorEmail, Accounts.TutorName);
        await site.CreateAccountAsync("nadia@example.org", "Nadia No-Script");
        await site.CreateAccountAsync("ravi@example.org", "Ravi Reply");
        await SampleCourses.OpenTutorSupportedCohortAsync(site, Accounts.AdminEmail, tutorId);
        await SampleCourses.JoinTutorSupportedCohortAsync(site, "nadia@example.org");
        await SampleCourses.JoinTutorSupportedCohortAsync(site, "ravi@example.org");

        // Nadia starts a thread in week 1's discussion, then sharpens it with the edit form.
        var nadia = await NewPersonAsync(site, javaScript: false);
        await SignInAsync(nadia, "nadia@example.org");
        await nadia.GotoAsync($"/courses/{Course}/modules/{SampleCourses.ForumModule}");
        await nadia.GetByRole(AriaRole.Link, new() { Name = "Join the discussion" }).ClickAsync();
        await nadia.GetByLabel("Title").FillAsync("Data my office trusts");
        await nadia.GetByLabel("Message (Markdown)").FillAsync("We use the *labour force survey* and nothing else.");
        await nadia.GetByRole(AriaRole.Button, new() { Name = "Post thread" }).ClickAsync();
        await Expect(nadia.GetByRole(AriaRole.Heading, new() { Name = "Data my office trusts", Level = 1 })).ToBeVisibleAsync();
        await nadia.GetByText("Edit", new() { Exact = true }).ClickAsync();
        await nadia.GetByLabel("Your post (Markdown)").FillAsync("We use the *labour force survey* and the establishment census.");
        await nadia.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(nadia.Locator("article.post .post-body").First).ToHaveTextAsync("We use the labour force survey and the establishment census.");
        await Expect(nadia.Locator("article.post header").First).ToContainTextAsync("(edited)");
        var threadUrl = new Uri(nadia.Url).AbsolutePath;

        // Ravi replies off topic; Nadia reports the reply.
        var ravi = await NewPersonAsync(site, javaScript: false);
        await SignInAsync(ravi, "ravi@example.org");
        await ravi.GotoAsync(threadUrl);
        await ravi.GetByLabel("Your reply (Markdown)").FillAsync("Anyone selling a used bicycle?");
        await ravi.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Expect(ravi.Locator(".post-body").GetByText("Anyone selling a used bicycle?")).ToBeVisibleAsync();

        await nadia.GotoAsync(threadUrl);
        var reply = nadia.Locator("article.post").Filter(new() { HasText = "Anyone selling a used bicycle?" });
        await Expect(nadia.GetByLabel("What is wrong with this post?")).ToHaveCountAsync(0);
        await reply.GetByRole(AriaRole.Link, new() { Name = "Report", Exact = true }).ClickAsync();
        await reply.GetByLabel("What is wrong with this post?").FillAsync("Off topic: a sale");
        await reply.GetByRole(AriaRole.Button, new() { Name = "Report to moderators" }).ClickAsync();
        await Expect(nadia).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?reported=true#post-\d+$"));
        await Expect(nadia.GetByRole(AriaRole.Status)).ToContainTextAsync("your report went to the moderators");
        await Expect(nadia.GetByLabel("What is wrong with this post?")).ToHaveCountAsync(0);

        // The tutor hides it from the moderation queue, with a reason, and the queue is empty again.
        var tutor = await NewPersonAsync(site, javaScript: false);
        await SignInAsync(tutor, Accounts.TutorEmail);
        await tutor.GotoAsync("/forums/moderation");
        var report = tutor.GetByRole(AriaRole.Article).Filter(new() { HasText = "Anyone selling a used bicycle?" });
        await Expect(report).ToContainTextAsync("Off topic: a sale");
        await report.GetByLabel("Reason").FillAsync("Not about evidence");
        await report.GetByRole(AriaRole.Button, new() { Name = "Hide" }).ClickAsync();
        await Expect(tutor.GetByText("No reported posts wait for you.")).ToBeVisibleAsync();
        await Expect(tutor.GetByRole(AriaRole.Table)).ToContainTextAsync("Not about evidence");

        // Nadia sees the reply hidden; the tutor sees her edit history and locks the thread; the reply box is gone.
        await nadia.GotoAsync(threadUrl);
        await Expect(nadia.GetByText("This post was hidden by a moderator.")).ToBeVisibleAsync();
        await Expect(nadia.GetByText("Anyone selling a used bicycle?")).ToHaveCountAsync(0);

        await tutor.GotoAsync(threadUrl);
        await tutor.GetByText("Edit history: 1 earlier version").ClickAsync();
        await Expect(tutor.Locator("pre.revision")).ToHaveTextAsync("We use the *labour force survey* and nothing else.");
        await tutor.GetByLabel("Reason (logged; needed to delete)").FillAsync("Week 1 is over");
        await tutor.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
        await Expect(tutor.GetByText("Locked: no more replies")).ToBeVisibleAsync();

        // Ravi's page still has the reply box from before the lock: his reply is refused, with the reason shown.
        await ravi.GetByLabel("Your reply (Markdown)").FillAsync("Sorry, back on topic now");
        await ravi.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Expect(ravi.GetByRole(AriaRole.Alert)).ToContainTextAsync("This thread is locked: it takes no more replies.");
        await Expect(ravi.GetByRole(AriaRole.Button, new() { Name = "Post reply" })).ToHaveCountAsync(0);

        await nadia.GotoAsync(threadUrl);
        await Expect(nadia.GetByText("This thread is locked: it takes no more replies.")).ToBeVisibleAsync();
        await Expect(nadia.GetByRole(AriaRole.Button, new() { Name = "Post reply" })).ToHaveCountAsync(0);
        await using var db = site.Open();
        Assert.That(await db.ExecuteScalarAsync<string>("SELECT group_concat(action || ':' || coalesce(reason, ''), ' ') FROM forum_moderation_log"),
            Is.EqualTo("hide:Not about evidence lock:Week 1 is over"), "the moderation log");
        Assert.That(await db.ExecuteScalarAsync<long>("SELECT count(*) FROM forum_post WHERE body_markdown LIKE 'Sorry%'"), Is.Zero, "a reply was stored after the lock");
    }
}
