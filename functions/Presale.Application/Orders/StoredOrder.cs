using Presale.Application.Storage;
using Presale.Domain.Orders;

namespace Presale.Application.Orders;

/// <summary>An order as stored: the aggregate, its row version and placement bookkeeping.</summary>
/// <param name="Order">The order.</param>
/// <param name="ETag">The row's version.</param>
/// <param name="Partition">The order's partition.</param>
/// <param name="RequestHash">Fingerprint of the placement request (idempotency).</param>
/// <param name="SagaMarker">Row key of the saga marker that makes the sweeper finish this order, while one exists.</param>
/// <param name="OutcomeKind">How placement ended (<c>placed</c>, <c>invalid</c>, <c>short</c>), once it did.</param>
/// <param name="Outcome">The placement answer as JSON, replayed for retries.</param>
public sealed record StoredOrder(Order Order, ETag ETag, string Partition, string RequestHash, string? SagaMarker, string? OutcomeKind, string? Outcome);
