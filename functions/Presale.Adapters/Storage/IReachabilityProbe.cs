namespace Presale.Adapters.Storage;

/// <summary>An adapter that can tell whether its service answers (used by the health checks).</summary>
public interface IReachabilityProbe
{
    /// <summary>Makes one cheap authenticated request; throws when the service cannot be reached or refuses it.</summary>
    Task ProbeAsync(CancellationToken cancellationToken = default);
}
