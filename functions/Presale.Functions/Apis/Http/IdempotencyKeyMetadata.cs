namespace Presale.Functions.Apis.Http;

/// <summary>
/// Endpoint metadata: the route reads a required <c>Idempotency-Key</c> header (added by
/// <see cref="IdempotencyHeader.WithIdempotencyKey{TBuilder}"/>). The OpenAPI document declares the header from it, and
/// <see cref="IdempotencyHeader.Read"/> refuses to read the header on a route without it, so the two cannot drift.
/// </summary>
/// <param name="ReplayedStatuses">The statuses a retry can get as a stored answer, marked <c>Idempotent-Replayed: true</c>.</param>
internal sealed record IdempotencyKeyMetadata(IReadOnlyList<int> ReplayedStatuses);
