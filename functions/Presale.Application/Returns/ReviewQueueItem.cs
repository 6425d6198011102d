using Presale.Domain.Returns;

namespace Presale.Application.Returns;

/// <summary>A return waiting for a reviewer, as the review queue lists it (from its index row, no return read).</summary>
/// <param name="ReturnId">The return.</param>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Status">The return's status when the row was written.</param>
/// <param name="Units">The units waiting.</param>
/// <param name="Basis">Why each waits (<c>unit: rule 'high-value'</c>).</param>
/// <param name="Since">When the latest of them was sent to review.</param>
public sealed record ReviewQueueItem(string ReturnId, string OrderId, string CustomerId, ReturnStatus Status, IReadOnlyList<string> Units, string Basis, DateTimeOffset? Since);
