using Presale.Domain.Common;

namespace Presale.Application.Reconciliation;

/// <summary>What one SKU reconciliation did.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="PlanVersion">The plan number it took (0 when none).</param>
/// <param name="OrdersPlanned">Open order lines re-planned.</param>
/// <param name="OrdersWritten">Orders written because their line changed.</param>
/// <param name="Notifications">Customer notifications written to the outbox.</param>
/// <param name="SupplyChanged">Whether the ledger or the shards' split of reservations changed.</param>
public sealed record ReconcileResult(Sku Sku, ReconcileOutcome Outcome, long PlanVersion, int OrdersPlanned, int OrdersWritten, int Notifications, bool SupplyChanged);
