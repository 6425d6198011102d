using Presale.Application.Supply;

namespace Presale.Application.Orders;

/// <summary>How much of one requested line supply can cover now.</summary>
/// <param name="LineNumber">1-based line.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Requested">Units asked for.</param>
/// <param name="Available">Units that could be reserved now.</param>
/// <param name="EarliestPromiseDate">The date that could be promised for min(requested, available) units; null when none are available.</param>
/// <param name="Source">The supply that date rests on.</param>
public sealed record LineAvailability(int LineNumber, string Sku, int Requested, long Available, DateOnly? EarliestPromiseDate, SupplySourceView? Source)
{
    /// <summary>True when the line can be covered in full.</summary>
    public bool Sufficient => Available >= Requested;
}
