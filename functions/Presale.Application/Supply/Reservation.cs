using Presale.Domain.Supply;

namespace Presale.Application.Supply;

/// <summary>
/// Units of one SKU held for one order line, stored in the SKU's partition next to the shards it draws on (so taking
/// and releasing it are single transactions). Its row key is the order line: a line can be reserved at most once.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="LineNumber">The order line.</param>
/// <param name="Quantity">Units held.</param>
/// <param name="Parts">Which shard and supply each unit comes from.</param>
/// <param name="Promise">The promise these units support.</param>
/// <param name="ReservedAt">When the units were reserved.</param>
/// <param name="Demand">The order line's copy reconciliation plans from; null until the first reconciliation that read the order.</param>
public sealed record Reservation(string OrderId, int LineNumber, int Quantity, IReadOnlyList<AllocationPart> Parts, LinePromise Promise, DateTimeOffset ReservedAt, ReservationDemand? Demand = null);
