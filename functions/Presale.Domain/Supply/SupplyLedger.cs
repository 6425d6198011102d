namespace Presale.Domain.Supply;

/// <summary>
/// A SKU's supply: units on hand, inbound lots, and the pre-sale cap. Sellable capacity is their sum. The ledger orders
/// its supply into a sequence (on hand first, then lots by ETA, then the cap) that promises draw on in order.
/// Immutable: each change returns a new ledger.
/// </summary>
public sealed class SupplyLedger
{
    /// <summary>The largest quantity any part of the ledger may hold.</summary>
    public const int MaxQuantity = 100_000_000;

    private SupplyLedger(int onHand, IReadOnlyList<InboundLot> lots, int cap, int shortfall = 0)
    {
        OnHand = onHand;
        Lots = lots;
        Cap = cap;
        Shortfall = shortfall;
    }

    /// <summary>Units in the warehouse.</summary>
    public int OnHand { get; }

    /// <summary>Inbound lots still expected.</summary>
    public IReadOnlyList<InboundLot> Lots { get; }

    /// <summary>Units sellable beyond confirmed supply.</summary>
    public int Cap { get; }

    /// <summary>
    /// Units reserved by orders whose supply went away (see <see cref="SupplyKind.Shortfall"/>): a quota the shards hold
    /// only so those reservations stay accounted for; never sold, not part of <see cref="Capacity"/>.
    /// </summary>
    public int Shortfall { get; }

    /// <summary>Units expected on inbound lots.</summary>
    public long Inbound => Lots.Sum(l => (long)l.Quantity);

    /// <summary>On hand + confirmed inbound + cap: what may be reserved in total.</summary>
    public long Capacity => OnHand + Inbound + Cap;

    /// <summary>A ledger with nothing on hand, no lots, and the given cap.</summary>
    public static SupplyLedger Empty(int cap) => Restore(0, [], cap);

    /// <summary>Rebuilds a stored ledger.</summary>
    public static SupplyLedger Restore(int onHand, IEnumerable<InboundLot> lots, int cap, int shortfall = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onHand);
        ArgumentOutOfRangeException.ThrowIfNegative(cap);
        ArgumentOutOfRangeException.ThrowIfNegative(shortfall);
        var list = lots.ToList();
        if (list.Select(l => l.Source).Distinct().Count() != list.Count)
        {
            throw new ArgumentException("A lot appears twice in one ledger.", nameof(lots));
        }

        return new SupplyLedger(onHand, list.AsReadOnly(), cap, shortfall);
    }

    /// <summary>Adds <paramref name="delta"/> units on hand; null with the reason when the result would be negative or too large.</summary>
    public SupplyLedger? AdjustOnHand(int delta, out string? error)
    {
        var result = (long)OnHand + delta;
        error = result switch
        {
            < 0 => $"On hand is {OnHand}; it cannot go below zero.",
            > MaxQuantity => $"On hand may hold at most {MaxQuantity} units.",
            _ => null,
        };
        return error is null ? new SupplyLedger((int)result, Lots, Cap, Shortfall) : null;
    }

    /// <summary>The ledger with another cap.</summary>
    public SupplyLedger WithCap(int cap)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cap);
        return new SupplyLedger(OnHand, Lots, cap, Shortfall);
    }

    /// <summary>The lot line for <paramref name="source"/>, or null.</summary>
    public InboundLot? FindLot(SupplySource source) => Lots.FirstOrDefault(l => l.Source == source);

    /// <summary>
    /// The ledger with <paramref name="lot"/> added. Adding the same lot line again changes nothing
    /// (<see cref="LotAddition.AlreadyPresent"/>); a different line under the same lot id is a conflict.
    /// </summary>
    public (SupplyLedger Ledger, LotAddition Outcome) AddLot(InboundLot lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        if (FindLot(lot.Source) is { } existing)
        {
            return existing == lot ? (this, LotAddition.AlreadyPresent) : (this, LotAddition.Conflict);
        }

        return (new SupplyLedger(OnHand, [.. Lots, lot], Cap, Shortfall), LotAddition.Added);
    }

    /// <summary>
    /// The ledger after the lot behind <paramref name="source"/> changed: <paramref name="expected"/> units still to come
    /// at <paramref name="eta"/>, <paramref name="received"/> received in all. Units received since the ledger last saw the
    /// lot move on hand (exactly once: the lot line remembers what it already counted). Null when the ledger holds no
    /// such lot, or (with <paramref name="error"/>) when on hand would leave its range.
    /// </summary>
    public SupplyLedger? WithLotState(SupplySource source, int expected, int received, DateOnly eta, out string? error)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        ArgumentOutOfRangeException.ThrowIfNegative(received);
        error = null;
        if (FindLot(source) is not { } lot)
        {
            return null;
        }

        var onHand = (long)OnHand + received - lot.Received;
        if (onHand is < 0 or > MaxQuantity)
        {
            error = $"Applying {received} received units of lot {source} would leave {onHand} on hand.";
            return null;
        }

        var updated = new InboundLot(lot.SupplierId, lot.LotId, lot.PurchaseOrderReference, expected, eta) { Received = received };
        return new SupplyLedger((int)onHand, [.. Lots.Select(l => l.Source == source ? updated : l)], Cap, Shortfall);
    }

    /// <summary>The ledger with another <see cref="Shortfall"/>.</summary>
    public SupplyLedger WithShortfall(int shortfall)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shortfall);
        return new SupplyLedger(OnHand, Lots, Cap, shortfall);
    }

    /// <summary>Units per supply key: what the allocation shards' quotas must add up to.</summary>
    public IReadOnlyDictionary<string, int> Targets()
    {
        var targets = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [SupplySource.OnHand.Key] = OnHand,
            [SupplySource.Cap.Key] = Cap,
            [SupplySource.Shortfall.Key] = Shortfall,
        };
        foreach (var lot in Lots)
        {
            targets[lot.Source.Key] = lot.Quantity;
        }

        return targets;
    }

    /// <summary>
    /// The supply sequence promises draw on, in order: on hand (available <paramref name="today"/>), then lots by their
    /// <b>buffered</b> date — the ETA (a late lot counts from today) plus its supplier's slip buffer in
    /// <paramref name="slipDays"/> (supplier id → days; none when absent) — then the cap, available
    /// <paramref name="capLeadDays"/> after the last buffered lot date. Dates never decrease along the sequence, so units
    /// taken in sequence order are promised monotonically, and a promise based on the latest segment an allocation draws
    /// on is never earlier than the buffered date of any unit backing it.
    /// </summary>
    public IReadOnlyList<SupplySegment> Sequence(DateOnly today, int capLeadDays, IReadOnlyDictionary<string, int>? slipDays = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capLeadDays);
        var segments = new List<SupplySegment>(Lots.Count + 2) { new(SupplySource.OnHand, OnHand, today) };
        var last = today;
        foreach (var lot in Lots
            .Select(l => (Lot: l, Date: (l.Eta < today ? today : l.Eta).AddDays(Slip(slipDays, l.SupplierId))))
            .OrderBy(l => l.Date)
            .ThenBy(l => l.Lot.Source.Key, StringComparer.Ordinal))
        {
            segments.Add(new SupplySegment(lot.Lot.Source, lot.Lot.Quantity, lot.Date));
            last = lot.Date;
        }

        segments.Add(new SupplySegment(SupplySource.Cap, Cap, last.AddDays(capLeadDays)));
        return segments.AsReadOnly();
    }

    private static int Slip(IReadOnlyDictionary<string, int>? slipDays, string supplierId)
    {
        var days = slipDays?.GetValueOrDefault(supplierId) ?? 0;
        return days >= 0 ? days : throw new ArgumentOutOfRangeException(nameof(slipDays), days, $"Supplier {supplierId} has a negative slip buffer.");
    }
}
