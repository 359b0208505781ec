using Dapper;
using ECampus.Engine.Data;
using ECampus.Sdk;

namespace ECampus.Web.Api;

public static class HealthEndpoint
{
    /// <summary><c>GET /healthz</c>: 200 when the database answers and the last write did not fail for lack of space; 503 otherwise.</summary>
    public static void MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/healthz", async (IDatabase database, StorageHealth health, CancellationToken cancellationToken) =>
        {
            try
            {
                await database.ReadAsync(connection => connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_version"), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Results.Json(new { status = "unavailable", problem = "The database does not answer." }, statusCode: 503);
            }

            return health.Problem is { } problem
                ? Results.Json(new { status = "degraded", problem }, statusCode: 503)
                : Results.Json(new { status = "ok" });
        })
        .AllowAnonymous()
        .ExcludeFromDescription();
}
