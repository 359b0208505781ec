using System.Globalization;
using ECampus.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ECampus.EndToEnd;

/// <summary>The learner journey through the sample courses, as learners and a tutor live it at their own browsers.</summary>
public sealed class CourseJourneyTests : BrowserTest
{
    private const string Password = TestSite.StrongPassword;

    [Test]
    public async Task NewLearner_FindsSelfPacedCourseAndWorksThroughTwoModules_IsOfferedTheThirdAfterSigningInAgain()
    {
        var site = await StartSetUpSiteAsync(packs: [SamplePacks.SelfPaced, SamplePacks.TutorSupported, SamplePacks.Webinar]);
        var learner = await NewPersonAsync(site);

        // 1. A new learner registers and signs in.
        await learner.GotoAsync("/account/register");
        await learner.GetByLabel("Your name").FillAsync("Rosa Reader");
        await learner.GetByLabel("Email").FillAsync("rosa@example.org");
        await learner.GetByLabel("Password").FillAsync(Password);
        await learner.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await SignInAsync(learner, "rosa@example.org");
        await Expect(learner.GetByRole(AriaRole.Main)).ToContainTextAsync("You have not joined a course yet.");

        // 2. The catalog, searched and filtered, finds the self-paced course and only it.
        await learner.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Courses", Exact = true }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "Courses", Level = 1 })).ToBeVisibleAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveCountAsync(3);
        await learner.GetByLabel("Search").FillAsync("labour standards");
        await learner.GetByLabel("Format").SelectOptionAsync("self-paced");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Find courses" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Status)).ToContainTextAsync("1 course matches.");
        var entry = learner.GetByRole(AriaRole.Listitem).Filter(new() { HasText = SampleCourses.SelfPacedTitle });
        await Expect(entry).ToContainTextAsync("Self-paced");
        await Expect(entry).ToContainTextAsync("2 h");
        await Expect(entry).ToContainTextAsync("English, French");
        await Expect(entry).ToContainTextAsync("Certificate of participation");

        // 3. The course page offers to enrol; enrolling leads to the course home.
        await learner.GetByRole(AriaRole.Link, new() { Name = SampleCourses.SelfPacedTitle }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = SampleCourses.SelfPacedTitle, Level = 1 })).ToBeVisibleAsync();
        await learner.GetByRole(AriaRole.Button, new() { Name = "Enrol", Exact = true }).ClickAsync();
        await Expect(learner).ToHaveURLAsync(new Uri(site.BaseAddress, $"/courses/{SamplePacks.SelfPaced}/home").ToString());
        await Expect(learner.GetByLabel("Your progress")).ToHaveAttributeAsync("value", "0");
        await Expect(ModuleItem(learner, "Fundamental principles and rights at work")).ToContainTextAsync("Finish “What are international labour standards?” first.");

        // 4. Module 1: read; it holds quizzes (the baseline and a check), so it is done once they are taken, not by a button.
        await learner.GetByRole(AriaRole.Link, new() { Name = "Start: What are international labour standards?" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "What are international labour standards?", Level = 1 })).ToBeVisibleAsync();
        await Expect(learner.GetByText("Module 1 of 4")).ToBeVisibleAsync();
        await Expect(learner.GetByText("Reading in:")).ToContainTextAsync("English");
        await Expect(learner.GetByText("This module is done when its activities are complete.")).ToBeVisibleAsync();
        await Expect(learner.GetByRole(AriaRole.Button, new() { Name = "Mark as done" })).ToHaveCountAsync(0);
        await QuizTaking.TakeAsync(learner, SamplePacks.SelfPaced, "baseline", "(100 %).");
        await QuizTaking.TakeAsync(learner, SamplePacks.SelfPaced, "check-1", "Your score: 3 of 3 points (100 %). You passed.");
        await learner.GotoAsync($"/courses/{SamplePacks.SelfPaced}/modules/what-are-labour-standards");

        // 5. Module 2, likewise; then module 3 is where the learner stands.
        await learner.GetByRole(AriaRole.Link, new() { Name = "Next: Fundamental principles and rights at work" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "Fundamental principles and rights at work", Level = 1 })).ToBeVisibleAsync();
        await Expect(learner.GetByText("Module 2 of 4")).ToBeVisibleAsync();
        await Expect(learner.GetByText("25 % of the course done")).ToBeVisibleAsync();
        await QuizTaking.TakeAsync(learner, SamplePacks.SelfPaced, "check-2", "Your score: 3 of 3 points (100 %). You passed.");
        await learner.GotoAsync($"/courses/{SamplePacks.SelfPaced}/modules/fundamental-principles");
        await learner.GetByRole(AriaRole.Link, new() { Name = "Next: How the ILO supervises standards" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "How the ILO supervises standards", Level = 1 })).ToBeVisibleAsync();

        // 6. The course home shows half the course done, and the first two modules done.
        await learner.GetByRole(AriaRole.Navigation, new() { Name = "Modules" }).GetByRole(AriaRole.Link, new() { Name = "Course home" }).ClickAsync();
        await Expect(learner.GetByText("Your progress: 50 %")).ToBeVisibleAsync();
        await Expect(learner.GetByLabel("Your progress")).ToHaveAttributeAsync("value", "50");
        await Expect(ModuleItem(learner, "What are international labour standards?")).ToContainTextAsync("Done");
        await Expect(ModuleItem(learner, "Fundamental principles and rights at work")).ToContainTextAsync("Done");
        await Expect(ModuleItem(learner, "Standards at work")).ToContainTextAsync("Locked");

        // 7. After signing out and in again, the dashboard and the course home offer to continue at module 3.
        await learner.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync(learner, "rosa@example.org");
        await learner.GotoAsync("/");
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "My learning", Level = 1 })).ToBeVisibleAsync();
        var course = learner.GetByRole(AriaRole.Listitem).Filter(new() { HasText = SampleCourses.SelfPacedTitle });
        await Expect(course).ToContainTextAsync("50 % done");
        await Expect(course.GetByRole(AriaRole.Link, new() { Name = "Continue: How the ILO supervises standards" })).ToBeVisibleAsync();
        await learner.GetByRole(AriaRole.Link, new() { Name = SampleCourses.SelfPacedTitle }).ClickAsync();
        await learner.GetByRole(AriaRole.Link, new() { Name = "Continue: How the ILO supervises standards" }).ClickAsync();
        await Expect(learner).ToHaveURLAsync(new Uri(site.BaseAddress, $"/courses/{SamplePacks.SelfPaced}/modules/how-standards-are-supervised").ToString());
        await Expect(learner.GetByText("Module 3 of 4")).ToBeVisibleAsync();
    }

    [Test]
    public async Task TutorSupportedCourse_TutorApprovesRequest_LearnerWritesGoalsOpensWeek1AndSeesWhenWeek2Opens()
    {
        var site = await StartSetUpSiteAsync(Accounts.AdminEmail, [SamplePacks.TutorSupported]);
        var tutorId = await site.CreateAccountAsync(Accounts.TutorEmail, Accounts.TutorName);
        await site.CreateAccountAsync(Accounts.LearnerEmail, Accounts.LearnerName);

        // 1. An administrator reopens the course: approval enrolment, a cohort starting today, its tutor.
        await SampleCourses.OpenTutorSupportedCohortAsync(site, Accounts.AdminEmail, tutorId);

        // 2. The learner asks for a place and is told a tutor will look at the request.
        var learner = await NewPersonAsync(site);
        await SignInAsync(learner, Accounts.LearnerEmail);
        await learner.GotoAsync($"/courses/{SamplePacks.TutorSupported}");
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = SampleCourses.TutorSupportedTitle, Level = 1 })).ToBeVisibleAsync();
        await Expect(learner.GetByRole(AriaRole.Row).Filter(new() { HasText = "Starting today" })).ToContainTextAsync(Accounts.TutorName);
        await learner.GetByRole(AriaRole.Button, new() { Name = "Request a place" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Status)).ToContainTextAsync("Your request is sent.");
        await Expect(learner.GetByRole(AriaRole.Button, new() { Name = "Withdraw my request" })).ToBeVisibleAsync();

        // 3. The tutor sees the request on the tutoring page and approves it.
        var tutor = await NewPersonAsync(site);
        await SignInAsync(tutor, Accounts.TutorEmail);
        await tutor.GetByRole(AriaRole.Link, new() { Name = "Tutoring" }).ClickAsync();
        var request = tutor.GetByRole(AriaRole.Listitem).Filter(new() { HasText = Accounts.LearnerEmail });
        await Expect(request).ToContainTextAsync(Accounts.LearnerName);
        await Expect(request).ToContainTextAsync("Starting today");
        await tutor.GetByRole(AriaRole.Button, new() { Name = $"Approve {Accounts.LearnerName}" }).ClickAsync();
        await Expect(tutor.GetByRole(AriaRole.Status)).ToContainTextAsync("The learner has a place");
        await Expect(tutor.GetByRole(AriaRole.Listitem).Filter(new() { HasText = Accounts.LearnerEmail })).ToHaveCountAsync(0);

        // 4. The learner's course home says to write learning goals first; every module waits for them.
        await learner.GotoAsync($"/courses/{SamplePacks.TutorSupported}");
        await learner.GetByRole(AriaRole.Link, new() { Name = "Go to the course" }).ClickAsync();
        await Expect(learner.GetByText("cohort Starting today")).ToBeVisibleAsync();
        await Expect(ModuleItem(learner, "Why evidence matters for decent work")).ToContainTextAsync("Write your learning goals first.");
        await learner.GetByRole(AriaRole.Link, new() { Name = "Write your learning goals" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "Your learning goals", Level = 1 })).ToBeVisibleAsync();
        await learner.GetByLabel("Goal 1", new() { Exact = true }).FillAsync("Turn our youth employment worry into a question evidence can answer");
        await learner.GetByLabel("Goal 2 (optional)").FillAsync("Judge the evaluations our ministry commissions");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Save my goals" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Status)).ToContainTextAsync("Your learning goals are saved.");

        // 5. Week 1 opens (the cohort starts today); week 2 is locked until its day.
        var week2Opens = SampleCourses.Today.AddDays(7).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        await Expect(ModuleItem(learner, "Framing a policy question")).ToContainTextAsync("Locked");
        await Expect(ModuleItem(learner, "Framing a policy question")).ToContainTextAsync($"Opens on {week2Opens}.");
        await learner.GetByRole(AriaRole.Link, new() { Name = "Start: Why evidence matters for decent work" }).ClickAsync();
        await Expect(learner).ToHaveURLAsync(new Uri(site.BaseAddress, $"/courses/{SamplePacks.TutorSupported}/modules/why-evidence").ToString());
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "Week 1 · Why evidence matters for decent work", Level = 1 })).ToBeVisibleAsync();

        // 6. Going to week 2 anyway shows why it is locked, with the way back.
        await learner.GetByRole(AriaRole.Link, new() { Name = "Next: Framing a policy question" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "This module is not open yet", Level = 1 })).ToBeVisibleAsync();
        await Expect(learner.GetByText($"Opens on {week2Opens}.")).ToBeVisibleAsync();
        await learner.GetByRole(AriaRole.Link, new() { Name = "Back to the course home" }).ClickAsync();
        await Expect(ModuleItem(learner, "Why evidence matters for decent work")).ToContainTextAsync("In progress");

        // 7. The tutor reads the learner's goals.
        await tutor.GotoAsync($"/tutor/{SamplePacks.TutorSupported}");
        await Expect(tutor.GetByRole(AriaRole.Heading, new() { Name = $"{Accounts.LearnerName} (Starting today)" })).ToBeVisibleAsync();
        await Expect(tutor.GetByText("Judge the evaluations our ministry commissions")).ToBeVisibleAsync();
    }

    private static ILocator ModuleItem(IPage page, string title) =>
        page.Locator("ol.module-list > li").Filter(new() { Has = page.GetByText(title, new() { Exact = true }) });
}
