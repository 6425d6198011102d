using Presale.Domain.Common;
using Presale.Domain.Returns.Eligibility;
using Presale.Domain.Returns.Refunds;
using Presale.Domain.Returns.Triage;

namespace Presale.Domain.Returns;

/// <summary>
/// A return (RMA) and its lifecycle:
/// requested → approved | rejected; approved → in transit → (partially) received → triaged → refunded | closed;
/// requested, approved or in transit → cancelled. Units kept by the customer (refund without return) are decided at approval and
/// never travel. Every transition is a named method that returns a <see cref="ReturnResult"/>; a refused transition
/// leaves the return unchanged and names the status it was refused in. The domain never reads the clock: instants and
/// shop-local dates are parameters.
/// </summary>
public sealed class ReturnRequest
{
    private readonly List<ReturnUnit> _units;
    private readonly List<ReturnTimelineEntry> _timeline;
    private readonly List<SupplierClaim> _claims;

    private ReturnRequest(ReturnRequestSnapshot snapshot)
    {
        Id = snapshot.Id;
        OrderId = snapshot.OrderId;
        CustomerId = snapshot.CustomerId;
        Currency = snapshot.Currency;
        RequestedAt = snapshot.RequestedAt;
        RequestedOn = snapshot.RequestedOn;
        Eligibility = snapshot.Eligibility;
        Lines = snapshot.Lines.ToArray();
        ReturnShippingCost = snapshot.ReturnShippingCost;
        PhotoUrls = snapshot.PhotoUrls.ToArray();
        Status = snapshot.Status;
        TrackingReference = snapshot.TrackingReference;
        Refund = snapshot.Refund;
        _units = [.. snapshot.Units];
        _timeline = [.. snapshot.Timeline];
        _claims = [.. snapshot.SupplierClaims];
    }

    /// <summary>The return's id.</summary>
    public string Id { get; }

    /// <summary>The order the units come from.</summary>
    public string OrderId { get; }

    /// <summary>The customer returning them.</summary>
    public string CustomerId { get; }

    /// <summary>The order's currency.</summary>
    public string Currency { get; }

    /// <summary>When the return was requested.</summary>
    public DateTimeOffset RequestedAt { get; }

    /// <summary>The shop-local day the return was requested (counts in the customer's return history).</summary>
    public DateOnly RequestedOn { get; }

    /// <summary>The explained eligibility decided at intake, for every requested line.</summary>
    public EligibilityResult Eligibility { get; }

    /// <summary>The eligible lines: the ones being returned.</summary>
    public IReadOnlyList<ReturnLine> Lines { get; }

    /// <summary>What the return label costs the shop, when known.</summary>
    public Money? ReturnShippingCost { get; }

    /// <summary>Photos the customer attached.</summary>
    public IReadOnlyList<Uri> PhotoUrls { get; }

    /// <summary>Where the return stands.</summary>
    public ReturnStatus Status { get; private set; }

    /// <summary>The carrier's tracking reference once in transit, if given.</summary>
    public string? TrackingReference { get; private set; }

    /// <summary>The refund once recorded.</summary>
    public Refund? Refund { get; private set; }

    /// <summary>Every unit of every line, in line order.</summary>
    public IReadOnlyList<ReturnUnit> Units => _units;

    /// <summary>Status changes, oldest first.</summary>
    public IReadOnlyList<ReturnTimelineEntry> Timeline => _timeline;

    /// <summary>Claims raised against suppliers by return-to-vendor decisions.</summary>
    public IReadOnlyList<SupplierClaim> SupplierClaims => _claims;

    /// <summary>Received units with no decision yet: the triage timer's work.</summary>
    public IEnumerable<ReturnUnit> UnitsAwaitingTriage => _units.Where(u => u.IsAwaitingTriage);

    /// <summary>Units in the manual review queue.</summary>
    public IEnumerable<ReturnUnit> UnitsAwaitingReview => _units.Where(u => u.IsAwaitingReview);

    /// <summary>True while any unit waits for a reviewer (<c>GET /api/returns?status=review</c>).</summary>
    public bool IsAwaitingReview => _units.Any(u => u.IsAwaitingReview);

    /// <summary>True in a status nothing can leave (rejected, cancelled, refunded, closed).</summary>
    public bool IsFinished => Status is ReturnStatus.Rejected or ReturnStatus.Cancelled or ReturnStatus.Refunded or ReturnStatus.Closed;

    /// <summary>
    /// Records a return request in <see cref="ReturnStatus.Requested"/>, with its eligibility decided and explained
    /// (<see cref="ReturnEligibility.Evaluate"/>). Eligible lines become the return's lines, one unit per quantity.
    /// The intake use case then calls <see cref="Approve"/> or <see cref="Reject"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The id is invalid, or the intake does not fit the order (caller bugs).</exception>
    public static ReturnRequest Submit(
        string returnId, ReturnableOrder order, ReturnIntake intake, ReturnEligibilityPolicy policy, DateOnly today, DateTimeOffset at)
    {
        if (Identifier.Validate(returnId, "The return id") is { } idError)
        {
            throw new ArgumentException(idError, nameof(returnId));
        }

        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(intake);
        if (intake.ReturnShippingCost is { } cost && cost.Currency != order.Currency)
        {
            throw new ArgumentException($"The return label is priced in {cost.Currency}, the order in {order.Currency}.", nameof(intake));
        }

        var eligibility = ReturnEligibility.Evaluate(order, intake, policy, today);
        var lines = eligibility.EligibleLines.Select(verdict =>
        {
            var ordered = order.FindLine(verdict.Sku)!;
            return new ReturnLine(
                verdict.Sku, ordered.Category, verdict.Line.Quantity, ordered.UnitPrice, ordered.DeliveredOn!.Value,
                ordered.SupplierId, ordered.WarrantyUntil, verdict.Line.Reason, verdict.Line.StatedCondition);
        }).ToArray();

        return new ReturnRequest(new ReturnRequestSnapshot(
            returnId, order.OrderId, order.CustomerId, order.Currency, at, today, eligibility, lines,
            intake.ReturnShippingCost, intake.PhotoUrls ?? [], ReturnStatus.Requested, null, null,
            lines.SelectMany(l => l.UnitIds).Select(id => new ReturnUnit(id)).ToArray(),
            [new ReturnTimelineEntry(ReturnStatus.Requested, at)],
            []));
    }

    /// <summary>Rebuilds a return from its stored <paramref name="snapshot"/>.</summary>
    public static ReturnRequest Restore(ReturnRequestSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new ReturnRequest(snapshot);
    }

    /// <summary>Everything needed to store and <see cref="Restore"/> the return.</summary>
    public ReturnRequestSnapshot ToSnapshot() => new(
        Id, OrderId, CustomerId, Currency, RequestedAt, RequestedOn, Eligibility, Lines, ReturnShippingCost, PhotoUrls,
        Status, TrackingReference, Refund, [.. _units], [.. _timeline], [.. _claims]);

    /// <summary>
    /// Requested → approved. Applies the intake rules of <paramref name="rules"/> to every unit: units a keep-it rule
    /// matches are decided at once (refund without return). When every unit is kept the return goes straight to
    /// <see cref="ReturnStatus.Triaged"/>.
    /// </summary>
    /// <param name="rules">The shop's triage rules.</param>
    /// <param name="earlierReturnDates">Shop-local request dates of the customer's other returns.</param>
    /// <param name="today">The shop-local day.</param>
    /// <param name="at">The instant of approval.</param>
    public ReturnResult Approve(TriageRuleSet rules, IReadOnlyList<DateOnly> earlierReturnDates, DateOnly today, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(earlierReturnDates);
        if (Status != ReturnStatus.Requested)
        {
            return Refused("approve", "only a requested return can be approved");
        }

        if (_units.Count == 0)
        {
            return new ReturnError(ReturnErrorCode.NothingEligible, Status, $"Return {Id} has no eligible line to approve; reject it instead.");
        }

        for (var i = 0; i < _units.Count; i++)
        {
            if (rules.DecideAtIntake(FactsFor(_units[i], earlierReturnDates, today)) is { } keep)
            {
                _units[i] = _units[i] with { Decision = keep, DecidedAt = at };
            }
        }

        SetStatus(ReturnStatus.Approved, at);
        Advance(at);
        return ReturnResult.Ok;
    }

    /// <summary>Requested → rejected, with the reason shown to the customer.</summary>
    public ReturnResult Reject(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status != ReturnStatus.Requested)
        {
            return Refused("reject", "only a requested return can be rejected");
        }

        SetStatus(ReturnStatus.Rejected, at, reason);
        return ReturnResult.Ok;
    }

    /// <summary>
    /// Requested, approved or in transit → cancelled: the customer withdraws, or an operator cancels, before any unit
    /// is received. From the first receipt on the units are the shop's to decide, so cancelling is refused.
    /// </summary>
    public ReturnResult Cancel(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status is not (ReturnStatus.Requested or ReturnStatus.Approved or ReturnStatus.InTransit))
        {
            return Refused("cancel", "a return can be cancelled only until its first unit is received");
        }

        SetStatus(ReturnStatus.Cancelled, at, reason);
        return ReturnResult.Ok;
    }

    /// <summary>Approved → in transit: the parcel was handed to the carrier.</summary>
    public ReturnResult MarkInTransit(string? trackingReference, DateTimeOffset at)
    {
        if (Status != ReturnStatus.Approved)
        {
            return Refused("mark in transit", "only an approved return with units to send back can ship");
        }

        TrackingReference = string.IsNullOrWhiteSpace(trackingReference) ? null : trackingReference.Trim();
        SetStatus(ReturnStatus.InTransit, at, TrackingReference);
        return ReturnResult.Ok;
    }

    /// <summary>
    /// Records the receipts of units that arrived (also straight from approved, for a parcel dropped off without a
    /// carrier scan). Each unit is received once: the whole batch is refused, listing every offending unit, when any
    /// unit is unknown, kept by the customer, already received, or named twice. Moves to partially received or received.
    /// </summary>
    public ReturnResult Receive(IReadOnlyList<UnitReceipt> receipts, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        if (Status is not (ReturnStatus.Approved or ReturnStatus.InTransit or ReturnStatus.PartiallyReceived
            or ReturnStatus.Received or ReturnStatus.Triaged))
        {
            return Refused("receive units", "units are received only after approval and before the refund");
        }

        if (receipts.Count == 0)
        {
            return new ReturnError(ReturnErrorCode.InvalidReceipt, Status, "A receipt names at least one unit.");
        }

        if (receipts.GroupBy(r => r.UnitId).Where(g => g.Count() > 1).Select(g => g.Key).ToArray() is { Length: > 0 } twice)
        {
            return new ReturnError(ReturnErrorCode.InvalidReceipt, Status, $"The receipt names unit(s) {Join(twice)} more than once.", twice);
        }

        var problems = new[]
        {
            (ReturnErrorCode.UnknownUnit, receipts.Where(r => Find(r.UnitId) is null).Select(r => r.UnitId).ToArray(), $"are not part of return {Id}"),
            (ReturnErrorCode.UnitAlreadyReceived, receipts.Where(r => Find(r.UnitId) is { IsReceived: true }).Select(r => r.UnitId).ToArray(), "were already received; a unit is received once"),
            (ReturnErrorCode.UnitNotExpected, receipts.Where(r => Find(r.UnitId) is { IsReceived: false, IsKept: true }).Select(r => r.UnitId).ToArray(), "are kept by the customer and not expected back"),
        };
        var found = problems.Where(p => p.Item2.Length > 0).ToArray();
        if (found.Length > 0)
        {
            // The code is the first problem's; the message and units cover them all so one answer fixes the batch.
            var message = string.Join(" ", found.Select(p => $"Unit(s) {Join(p.Item2)} {p.Item3}."));
            return new ReturnError(found[0].Item1, Status, $"{message} (Return is {Status}.)", found.SelectMany(p => p.Item2).ToArray());
        }

        foreach (var receipt in receipts)
        {
            var index = _units.FindIndex(u => u.Id == receipt.UnitId);
            _units[index] = _units[index] with { Receipt = receipt, ReceivedAt = at };
        }

        Advance(at);
        return ReturnResult.Ok;
    }

    /// <summary>
    /// Records a decision for one unit: a rule's decision from the triage timer, or a reviewer's from the manual review
    /// queue. A unit is decided once (manual review is not final and may be followed by one final decision). All but
    /// keep-it need the unit received; keep-it is only for units not received; only a reviewer rejects a unit. A return-to-vendor decision raises a
    /// <see cref="SupplierClaim"/>. When every unit is decided the return is triaged.
    /// </summary>
    public ReturnResult Decide(ReturnUnitId unitId, TriageDecision decision, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (Status is not (ReturnStatus.Approved or ReturnStatus.InTransit or ReturnStatus.PartiallyReceived or ReturnStatus.Received))
        {
            return Refused("decide a unit", "units are decided between approval and triage");
        }

        if (Find(unitId) is not { } unit)
        {
            return UnitError(ReturnErrorCode.UnknownUnit, unitId, $"Unit {unitId} is not part of return {Id}.");
        }

        var error = unit switch
        {
            { IsDecided: true } => (ReturnErrorCode.UnitAlreadyDecided, $"Unit {unitId} was already decided ({unit.Decision!.Action} by {unit.Decision.Basis})."),
            _ when decision.Action == TriageAction.Reject && decision.Source != DecisionSource.Reviewer =>
                (ReturnErrorCode.InvalidDecision, $"Only a reviewer can reject unit {unitId}."),
            _ when decision.Source == DecisionSource.Reviewer && !decision.IsFinal =>
                (ReturnErrorCode.InvalidDecision, $"A reviewer decides a final action for unit {unitId}, not {decision.Action}."),
            { IsAwaitingReview: true } when !decision.IsFinal => (ReturnErrorCode.UnitAlreadyInReview, $"Unit {unitId} is already waiting for manual review."),
            { IsReceived: true } when decision.Action == TriageAction.KeepIt =>
                (ReturnErrorCode.InvalidDecision, $"Unit {unitId} was already received; keep-it is for units not sent back."),
            { IsReceived: false } when decision.Action != TriageAction.KeepIt =>
                (ReturnErrorCode.UnitNotReceived, $"Unit {unitId} must be received before it can be decided {decision.Action}."),
            _ => ((ReturnErrorCode, string)?)null,
        };
        if (error is { } e)
        {
            return UnitError(e.Item1, unitId, $"{e.Item2} (return is {Status}).");
        }

        Apply(unit, decision, at);
        Advance(at);
        return ReturnResult.Ok;
    }

    /// <summary>
    /// The triage timer's step: decides every unit awaiting triage with <paramref name="rules"/> (first matching rule by
    /// priority; no match → manual review) and returns the decisions applied — empty when there is nothing to do, so
    /// running it twice decides each unit once.
    /// </summary>
    public IReadOnlyList<UnitDecision> Triage(TriageRuleSet rules, IReadOnlyList<DateOnly> earlierReturnDates, DateOnly today, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(earlierReturnDates);
        if (Status is not (ReturnStatus.PartiallyReceived or ReturnStatus.Received))
        {
            return [];
        }

        var applied = new List<UnitDecision>();
        foreach (var unit in UnitsAwaitingTriage.ToArray())
        {
            var decision = rules.DecideAtInspection(FactsFor(unit, earlierReturnDates, today));
            Apply(unit, decision, at);
            applied.Add(new UnitDecision(unit.Id, decision));
        }

        Advance(at);
        return applied;
    }

    /// <summary>
    /// The facts rules see for <paramref name="unitId"/> on <paramref name="today"/>: its line's reason, category, price,
    /// delivery and warranty, its grade once inspected, the label cost against the value of the units that travel, and
    /// the customer's earlier returns.
    /// </summary>
    public TriageFacts FactsFor(ReturnUnitId unitId, IReadOnlyList<DateOnly> earlierReturnDates, DateOnly today) =>
        FactsFor(Find(unitId) ?? throw new ArgumentException($"Unit {unitId} is not part of return {Id}.", nameof(unitId)), earlierReturnDates, today);

    /// <summary>Triaged → refunded: records the return's one refund (see <see cref="RefundCalculator"/>).</summary>
    public ReturnResult RecordRefund(Refund refund, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (Status != ReturnStatus.Triaged)
        {
            return Refused("record a refund", Status == ReturnStatus.Refunded
                ? $"return {Id} already has its refund"
                : "a refund is recorded once every unit is decided");
        }

        if (refund.ReturnId != Id || refund.Key != Refund.KeyFor(Id) || refund.Total.Currency != Currency)
        {
            return new ReturnError(ReturnErrorCode.RefundMismatch, Status,
                $"Refund {refund.Key} ({refund.Total.Currency}) is not for return {Id} ({Currency}).");
        }

        Refund = refund;
        SetStatus(ReturnStatus.Refunded, at, refund.Total.ToString());
        return ReturnResult.Ok;
    }

    /// <summary>Triaged → closed without a refund record: every unit was rejected, so nothing is refunded.</summary>
    public ReturnResult Close(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status != ReturnStatus.Triaged)
        {
            return Refused("close", "a return is closed once every unit is decided");
        }

        SetStatus(ReturnStatus.Closed, at, reason);
        return ReturnResult.Ok;
    }

    private ReturnUnit? Find(ReturnUnitId unitId) => _units.FirstOrDefault(u => u.Id == unitId);

    private ReturnLine LineOf(ReturnUnitId unitId) => Lines.First(l => l.Sku == unitId.Sku);

    private TriageFacts FactsFor(ReturnUnit unit, IReadOnlyList<DateOnly> earlierReturnDates, DateOnly today)
    {
        var line = LineOf(unit.Id);
        var shipmentValue = _units.Where(u => !u.IsKept).Sum(u => LineOf(u.Id).UnitPrice.Amount);
        return new TriageFacts(
            line.Reason, unit.Grade, today.DayNumber - line.DeliveredOn.DayNumber, line.UnitPrice.Amount, line.Category,
            line.WarrantyActiveOn(today), ReturnShippingCost?.Amount, shipmentValue, today, earlierReturnDates);
    }

    private void Apply(ReturnUnit unit, TriageDecision decision, DateTimeOffset at)
    {
        var index = _units.IndexOf(unit);
        _units[index] = unit with { Decision = decision, DecidedAt = at };
        if (decision.Action == TriageAction.ReturnToVendor)
        {
            var line = LineOf(unit.Id);
            _claims.Add(new SupplierClaim(
                $"{Id}:{unit.Id}", Id, OrderId, line.SupplierId, unit.Id, line.Reason, unit.Grade, line.UnitPrice,
                line.WarrantyUntil, decision.Basis, at));
        }
    }

    // Status follows the units: all decided → triaged; all expected back received → received; some → partially.
    private void Advance(DateTimeOffset at)
    {
        var expected = _units.Where(u => !u.IsKept || u.IsReceived).ToArray();
        var next = _units.All(u => u.IsDecided) ? ReturnStatus.Triaged
            : expected.Length > 0 && expected.All(u => u.IsReceived) ? ReturnStatus.Received
            : expected.Any(u => u.IsReceived) ? ReturnStatus.PartiallyReceived
            : Status;
        SetStatus(next, at);
    }

    private void SetStatus(ReturnStatus status, DateTimeOffset at, string? note = null)
    {
        if (status != Status)
        {
            Status = status;
            _timeline.Add(new ReturnTimelineEntry(status, at, note));
        }
    }

    private ReturnError Refused(string transition, string rule) =>
        new(ReturnErrorCode.InvalidTransition, Status, $"Cannot {transition}: return {Id} is {Status}; {rule}.");

    private ReturnError UnitError(ReturnErrorCode code, ReturnUnitId unitId, string message) => new(code, Status, message, [unitId]);

    private static string Join(IEnumerable<ReturnUnitId> units) => string.Join(", ", units);
}
