using ECampus.Engine;
using ECampus.Engine.Access;
using ECampus.Testing;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.NUnit;

namespace ECampus.Web.Tests.Site;

/// <summary>Deny by default: every request declares who may send it, and every open endpoint is one we meant to open.</summary>
public sealed class AccessRulesTests
{
    [Test]
    public void EveryEngineRequest_DeclaresAnAccessRule()
    {
        var undeclared = typeof(EngineServices).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t) && !typeof(IAccessControlled).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.That(undeclared, Is.Empty, "these requests declare no access rule and would be refused at run time");
    }

    [Test]
    public async Task OnlyTheseEndpoints_AreOpenToAnonymousVisitors()
    {
        await using var site = await TestSite.StartAsync();
        var open = site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])} /{e.RoutePattern.RawText?.TrimStart('/')}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Snapshot.Match(open);
    }

    [Test]
    public async Task TheOpenApiDocument_ListsEveryApiRoute()
    {
        await using var site = await TestSite.StartAsync();
        using var client = site.Client();
        var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var routes = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Snapshot.Match(routes);
    }

    [TestCase("/api/v1/courses/{courseId}/enrolment", "key")]
    [TestCase("/api/v1/courses/{courseId}/enrolments/{enrolmentId}/approve", "reason")]
    [TestCase("/api/v1/courses/{courseId}/enrolments/{enrolmentId}/remove", "reason")]
    public async Task TheOpenApiDocument_DescribesBodiesThatMayBeLeftOut(string path, string property)
    {
        await using var site = await TestSite.StartAsync();
        using var client = site.Client();
        var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var body = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody");
        var schema = body.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        Assert.That(body.TryGetProperty("required", out var required) && required.GetBoolean(), Is.False, "the body may be left out");
        Assert.That(schema.GetProperty("properties").TryGetProperty(property, out _), Is.True, schema.ToString());
    }
}
