namespace Presale.Functions.Host.Http;

/// <summary>
/// Declares that an HTTP function reads a required <c>Idempotency-Key</c> header, and which of its answers a retry can
/// get replayed (marked <c>Idempotent-Replayed: true</c>). The OpenAPI document declares the header from it, and
/// <see cref="IdempotencyHeader.Read"/> refuses to read the header on a route without it, so the two cannot drift.
/// </summary>
/// <param name="replayedStatuses">The statuses a retry can get as a stored answer.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class IdempotencyKeyAttribute(params int[] replayedStatuses) : Attribute
{
    /// <summary>The statuses a retry can get as a stored answer.</summary>
    public IReadOnlyList<int> ReplayedStatuses { get; } = replayedStatuses;
}
