namespace Presale.Domain.Supply;

/// <summary>
/// Turns supply into promise dates: a unit is promised the date its supply is available plus the handling days, never
/// earlier. Along a supply sequence (dates never decreasing) promises are monotone in the unit's position.
/// </summary>
public static class PromiseCalculator
{
    /// <summary>The promise for a unit backed by <paramref name="backing"/>.</summary>
    public static DateOnly Promise(SupplySegment backing, int handlingDays)
    {
        ArgumentNullException.ThrowIfNull(backing);
        ArgumentOutOfRangeException.ThrowIfNegative(handlingDays);
        return backing.AvailableOn.AddDays(handlingDays);
    }

    /// <summary>The segment holding the unit at 0-based <paramref name="position"/> of <paramref name="sequence"/>, or null past its end.</summary>
    public static SupplySegment? SegmentAt(IReadOnlyList<SupplySegment> sequence, long position)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        foreach (var segment in sequence)
        {
            if (position < segment.Quantity)
            {
                return segment;
            }

            position -= segment.Quantity;
        }

        return null;
    }

    /// <summary>The promise for the unit at <paramref name="position"/>, or null when the sequence has no such unit.</summary>
    public static DateOnly? PromiseAt(IReadOnlyList<SupplySegment> sequence, long position, int handlingDays) =>
        SegmentAt(sequence, position) is { } segment ? Promise(segment, handlingDays) : null;
}
