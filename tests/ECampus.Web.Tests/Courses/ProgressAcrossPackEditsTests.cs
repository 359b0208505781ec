using System.Net;
using ECampus.Engine.Courses;
using ECampus.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Web.Tests.Courses;

/// <summary>Authors edit a live course on disk; learners keep every record, because progress is keyed by module id.</summary>
public sealed class ProgressAcrossPackEditsTests
{
    private const string Course = SamplePacks.SelfPaced;

    [Test]
    public async Task ReorderingRenamingAndRemovingModules_KeepsProgress_AndARemovedModuleShowsAsArchived()
    {
        await using var site = await SamplePacks.StartSiteAsync(null, Course);
        await site.CreateAccountAsync("ana@example.org", "Ana");
        using var ana = await site.ApiClientAsync("ana@example.org");
        await ana.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", null, HttpStatusCode.Created);
        await site.CompleteModuleAsync(ana, Course, "what-are-labour-standards");
        await site.CompleteModuleAsync(ana, Course, "fundamental-principles");
        var versionSeen = (await ana.GetJsonAsync($"/api/v1/courses/{Course}/modules/how-standards-are-supervised")).GetProperty("contentHash").GetString();

        // The author moves the first module to the end (a new file name, same id) and deletes the second.
        var catalog = site.Services.GetRequiredService<PackCatalog>();
        var generation = catalog.Generation;
        var pack = Path.Combine(site.Root, "packs", Course);
        File.Move(Path.Combine(pack, "01-what-are-labour-standards.md"), Path.Combine(pack, "09-what-are-labour-standards.md"));
        File.Move(Path.Combine(pack, "fr", "01-what-are-labour-standards.md"), Path.Combine(pack, "fr", "09-what-are-labour-standards.md"));
        File.Delete(Path.Combine(pack, "02-fundamental-principles.md"));
        File.Delete(Path.Combine(pack, "fr", "02-fundamental-principles.md"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (catalog.Find(Course)?.ContentHash == versionSeen)
        {
            generation = await catalog.WaitForGenerationAsync(generation, timeout.Token);
        }

        Assert.That(catalog.Reports.Single().ErrorCount, Is.Zero, "the edited pack did not validate");
        var modules = (await ana.GetJsonAsync($"/api/v1/courses/{Course}/modules")).EnumerateArray()
            .Select(m => (Id: m.GetProperty("moduleId").GetString(), State: m.GetProperty("state").GetString(), Title: m.GetProperty("title").GetString())).ToList();
        var progress = await ana.GetJsonAsync($"/api/v1/courses/{Course}/progress");

        Assert.Multiple(() =>
        {
            Assert.That(modules.Select(m => m.Id), Is.EqualTo(new[] { "how-standards-are-supervised", "standards-at-work", "what-are-labour-standards", "fundamental-principles" }));
            Assert.That(modules[2].State, Is.EqualTo("done"), "progress of a moved module was lost");
            Assert.That(modules[0].State, Is.EqualTo("in-progress"));
            Assert.That(modules[3], Is.EqualTo(("fundamental-principles", "archived", "Fundamental principles and rights at work")), "a removed module's record is not shown as archived");
            Assert.That(progress.GetProperty("progress").GetProperty("percent").GetInt32(), Is.EqualTo(33), "one of the three modules left is done");
        });
    }
}
