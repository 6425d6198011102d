using Presale.Domain.Common;

namespace Presale.Domain.Purchasing;

/// <summary>
/// A purchase order to one supplier: lines with unit cost and requested date, the judging terms copied from the
/// supplier's terms, and the supplier's answers. <see cref="Acknowledge"/> is its one transition: all of an
/// acknowledgement applies, or it is refused with every reason and nothing changes. A line's first acceptance is the
/// supplier's <see cref="LineCommitment"/> (its lot is registered with it); later acknowledgements may cut the
/// quantity, move the ETA or reject the line, never raise the quantity above the commitment. The domain never reads
/// the clock: instants and the shop's today are parameters.
/// </summary>
public sealed class PurchaseOrder
{
    /// <summary>The most lines an order may have.</summary>
    public const int MaxLines = 100;

    /// <summary>The most units one line may order.</summary>
    public const int MaxUnitsPerLine = 1_000_000;

    private readonly List<PurchaseOrderLine> _lines;

    private PurchaseOrder(PurchaseOrderSnapshot snapshot)
    {
        Id = snapshot.Id;
        SupplierId = snapshot.SupplierId;
        Currency = snapshot.Currency;
        Terms = snapshot.Terms;
        Source = snapshot.Source;
        CreatedAt = snapshot.CreatedAt;
        CreatedOn = snapshot.CreatedOn;
        Note = snapshot.Note;
        _lines = [.. snapshot.Lines];
    }

    /// <summary>The order's id.</summary>
    public PurchaseOrderId Id { get; }

    /// <summary>The supplier.</summary>
    public string SupplierId { get; }

    /// <summary>The ISO 4217 currency of its unit costs.</summary>
    public string Currency { get; }

    /// <summary>How its lines are judged (copied from the supplier's terms at creation).</summary>
    public PurchaseOrderTerms Terms { get; }

    /// <summary>Where it came from.</summary>
    public PurchaseOrderSource Source { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The shop-local day it was created.</summary>
    public DateOnly CreatedOn { get; }

    /// <summary>The operator's note.</summary>
    public string? Note { get; }

    /// <summary>The lines, by line number.</summary>
    public IReadOnlyList<PurchaseOrderLine> Lines => _lines;

    /// <summary>The earliest requested line date: when the shop needs the first goods.</summary>
    public DateOnly RequestedDeliveryDate => _lines.Min(l => l.RequestedDate);

    /// <summary>Where the order stands, from its lines' answers.</summary>
    public PurchaseOrderStatus Status => _lines.Count(l => l.IsAnswered) switch
    {
        0 => PurchaseOrderStatus.AwaitingAcknowledgement,
        var answered when answered < _lines.Count => PurchaseOrderStatus.PartiallyAcknowledged,
        _ when _lines.All(l => l.Acknowledgement!.Answer == LineAnswer.Rejected) => PurchaseOrderStatus.Rejected,
        _ => PurchaseOrderStatus.Acknowledged,
    };

    /// <summary>True once every line was answered.</summary>
    public bool IsFullyAcknowledged => _lines.All(l => l.IsAnswered);

    /// <summary>The total cost of the lines as ordered (not rounded: see the settlement's rounding rules).</summary>
    public Money OrderedValue => _lines.Aggregate(Money.Zero(Currency), (sum, l) => sum + (l.UnitCost * l.Quantity));

    /// <summary>
    /// Creates an order. Invariants (caller bugs when broken): 1–<see cref="MaxLines"/> lines, each SKU once, 1–
    /// <see cref="MaxUnitsPerLine"/> units, valid unit costs in <paramref name="currency"/>, requested dates not before
    /// <paramref name="today"/>.
    /// </summary>
    public static PurchaseOrder Create(
        PurchaseOrderId id, string supplierId, string currency, IReadOnlyList<NewPurchaseOrderLine> lines, PurchaseOrderTerms terms,
        PurchaseOrderSource source, string? note, DateOnly today, DateTimeOffset at)
    {
        if (Identifier.Validate(supplierId, "The supplier id") is { } supplierError)
        {
            throw new ArgumentException(supplierError, nameof(supplierId));
        }

        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(source);
        var code = new Money(0m, currency).Currency;
        if (id.Value is null)
        {
            throw new ArgumentException("A purchase order needs an id.", nameof(id));
        }

        if (lines.Count is < 1 or > MaxLines || lines.Select(l => l.Sku).Distinct().Count() != lines.Count)
        {
            throw new ArgumentException($"A purchase order has 1 to {MaxLines} lines, each SKU on one line.", nameof(lines));
        }

        foreach (var line in lines)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(line.Quantity, 1, nameof(lines));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(line.Quantity, MaxUnitsPerLine, nameof(lines));
            if (line.UnitCost.Currency != code || UnitCost.Validate(line.UnitCost.Amount) is not null)
            {
                throw new ArgumentException($"Line {line.Sku} is not a valid unit cost in {code}.", nameof(lines));
            }

            if (line.RequestedDate < today)
            {
                throw new ArgumentException($"Line {line.Sku} is requested for {line.RequestedDate:yyyy-MM-dd}, before today ({today:yyyy-MM-dd}).", nameof(lines));
            }
        }

        return new PurchaseOrder(new PurchaseOrderSnapshot(
            id, supplierId, code, terms, source,
            [.. lines.Select((l, i) => new PurchaseOrderLine(i + 1, l.Sku, l.Quantity, l.UnitCost, l.RequestedDate))],
            at, today, note));
    }

    /// <summary>Rebuilds an order from its stored <paramref name="snapshot"/>.</summary>
    public static PurchaseOrder Restore(PurchaseOrderSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new PurchaseOrder(snapshot);
    }

    /// <summary>Everything the order holds.</summary>
    public PurchaseOrderSnapshot ToSnapshot() => new(Id, SupplierId, Currency, Terms, Source, [.. _lines], CreatedAt, CreatedOn, Note);

    /// <summary>The line numbered <paramref name="lineNumber"/>, or null.</summary>
    public PurchaseOrderLine? Line(int lineNumber) => lineNumber >= 1 && lineNumber <= _lines.Count ? _lines[lineNumber - 1] : null;

    /// <summary>
    /// Applies the supplier's answer to the lines it names. Refused, with every reason and nothing changed, when it names
    /// no line, a line not on the order or a line twice, accepts 0 or more units than ordered, gives an ETA before
    /// <paramref name="today"/> or accepts more units than it first accepted.
    /// </summary>
    public PurchaseOrderResult Acknowledge(PurchaseOrderAcknowledgement acknowledgement, DateOnly today, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        var errors = new List<PurchaseOrderError>();
        if (acknowledgement.Accepted.Count + acknowledgement.Rejected.Count == 0)
        {
            errors.Add(new PurchaseOrderError(PurchaseOrderErrorCode.NothingAcknowledged, null, "The acknowledgement names no line."));
        }

        var seen = new HashSet<int>();
        foreach (var number in acknowledgement.Accepted.Select(a => a.LineNumber).Concat(acknowledgement.Rejected.Select(r => r.LineNumber)))
        {
            if (Line(number) is null)
            {
                errors.Add(new PurchaseOrderError(PurchaseOrderErrorCode.UnknownLine, number, $"Purchase order {Id} has no line {number}; it has lines 1 to {_lines.Count}."));
            }
            else if (!seen.Add(number))
            {
                errors.Add(new PurchaseOrderError(PurchaseOrderErrorCode.LineTwice, number, $"Line {number} is answered more than once."));
            }
        }

        foreach (var accepted in acknowledgement.Accepted)
        {
            if (Line(accepted.LineNumber) is not { } line)
            {
                continue;
            }

            if (accepted.Quantity < 1 || accepted.Quantity > line.Quantity)
            {
                errors.Add(new PurchaseOrderError(PurchaseOrderErrorCode.QuantityOutOfRange, line.LineNumber, $"Line {line.LineNumber} ordered {line.Quantity} units; accept 1 to {line.Quantity}, or reject the line."));
            }
            else if (line.Commitment is { } commitment && accepted.Quantity > commitment.Quantity)
            {
                errors.Add(new PurchaseOrderError(PurchaseOrderErrorCode.CommitmentRaised, line.LineNumber, $"Line {line.LineNumber} was first accepted for {commitment.Quantity} units; an acknowledgement may lower that, not raise it."));
            }

            if (accepted.Eta < today)
            {
                errors.Add(new PurchaseOrderError(PurchaseOrderErrorCode.EtaInPast, line.LineNumber, $"The ETA {accepted.Eta:yyyy-MM-dd} of line {line.LineNumber} is before today ({today:yyyy-MM-dd})."));
            }
        }

        if (errors.Count > 0)
        {
            return PurchaseOrderResult.Fail(errors);
        }

        foreach (var accepted in acknowledgement.Accepted)
        {
            var line = _lines[accepted.LineNumber - 1];
            _lines[accepted.LineNumber - 1] = line with
            {
                Commitment = line.Commitment ?? new LineCommitment(accepted.Quantity, accepted.Eta, at, acknowledgement.EventId),
                Acknowledgement = new LineAcknowledgement(LineAnswer.Accepted, accepted.Quantity, accepted.Eta, null, acknowledgement.EventId, acknowledgement.SupplierTimestamp, at),
            };
        }

        foreach (var rejected in acknowledgement.Rejected)
        {
            var line = _lines[rejected.LineNumber - 1];
            _lines[rejected.LineNumber - 1] = line with
            {
                Acknowledgement = new LineAcknowledgement(LineAnswer.Rejected, 0, null, rejected.Reason, acknowledgement.EventId, acknowledgement.SupplierTimestamp, at),
            };
        }

        return PurchaseOrderResult.Ok;
    }
}
