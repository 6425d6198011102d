namespace Presale.Domain.Reconciliation;

/// <summary>
/// How much demand hangs on one supply source after planning — what the supplier demand view shows per lot.
/// </summary>
/// <param name="Source">The source.</param>
/// <param name="SupplierId">The lot's supplier; null for non-lot sources.</param>
/// <param name="Available">Units the source offers (on hand, the lot's open quantity, the cap; 0 for unsupplied).</param>
/// <param name="AvailableOn">The date its units are available (today for on hand, the later of ETA and today for a lot); null when undated.</param>
/// <param name="PeggedUnits">Units pegged to it.</param>
/// <param name="OrderCount">Orders with at least one unit pegged to it.</param>
/// <param name="EarliestPromiseDate">The earliest promise date among those orders; null when none holds a date.</param>
public sealed record SourceDemand(
    SupplySource Source,
    string? SupplierId,
    int Available,
    DateOnly? AvailableOn,
    long PeggedUnits,
    int OrderCount,
    DateOnly? EarliestPromiseDate);
