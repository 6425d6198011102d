namespace Presale.Domain.Reconciliation;

/// <summary>
/// The re-planned state of one open order line. A value type whose pegs are a slice of one buffer shared by the whole
/// plan, so planning 100,000 orders allocates a handful of arrays rather than 100,000 objects.
/// </summary>
public readonly struct OrderPlan
{
    /// <summary>Creates a plan entry (the planner builds these; tests may too).</summary>
    public OrderPlan(string orderId, int quantity, PromiseStatus status, DateOnly? estimate, int allocatedUnits, ReadOnlyMemory<Peg> pegs)
    {
        OrderId = orderId;
        Quantity = quantity;
        Status = status;
        Estimate = estimate;
        AllocatedUnits = allocatedUnits;
        Pegs = pegs;
    }

    /// <summary>The order.</summary>
    public string OrderId { get; }

    /// <summary>Units planned.</summary>
    public int Quantity { get; }

    /// <summary>The new status.</summary>
    public PromiseStatus Status { get; }

    /// <summary>
    /// The new estimate (latest backing supply's availability date plus handling days); null when any unit hangs on the
    /// pre-sale cap or on nothing.
    /// </summary>
    public DateOnly? Estimate { get; }

    /// <summary>
    /// On-hand units allocated to the order: all of them when <see cref="PromiseStatus.ReadyToShip"/>, otherwise the
    /// allocation it already held (kept) — on-hand units pegged to a partly covered order are not allocated.
    /// </summary>
    public int AllocatedUnits { get; }

    /// <summary>The pegs in consumption order (on hand, then lots by ETA, then cap, then unsupplied); quantities sum to <see cref="Quantity"/>.</summary>
    public ReadOnlyMemory<Peg> Pegs { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{OrderId}: {Status} {Estimate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} [{string.Join(", ", Pegs.ToArray())}]";
}
