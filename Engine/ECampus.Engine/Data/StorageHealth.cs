using ECampus.Sdk;

namespace ECampus.Engine.Data;

/// <summary>Remembers whether the last write failed for lack of space, so health checks turn degraded until a write succeeds.</summary>
public sealed class StorageHealth
{
    private volatile string? _problem;

    public string? Problem => _problem;

    public void WriteSucceeded() => _problem = null;

    public void WriteFailed(StorageUnavailableException problem)
    {
        if (problem.StatusCode == 507)
        {
            _problem = problem.Message;
        }
    }
}
