using Presale.Domain.Common;
using Presale.Domain.Supply;

namespace Presale.Domain.Orders;

/// <summary>
/// A pre-sale order: who ordered (customer, CRM tier, notification contact), what (lines in the shop's currency) and
/// what was promised per line (date and backing supply), and what the customer paid for shipping. Placement is a saga:
/// the order starts <see cref="OrderStatus.Pending"/>, then is confirmed with its promises, rejected, or abandoned; a
/// confirmed order ships (its shipments take their units out of stock) and can be cancelled while something is left to
/// ship, which makes everything not yet shipped refundable (pre-sale terms; see <see cref="CancellationRefund"/>).
/// </summary>
public sealed class Order
{
    private readonly List<OrderLine> _lines;
    private readonly List<Shipment> _shipments = [];

    private Order(string id, string customerId, CustomerTier tier, NotificationContact contact, string currency, IEnumerable<OrderLine> lines, DateTimeOffset placedAt, Money shippingCharge)
    {
        Id = id;
        CustomerId = customerId;
        Tier = tier;
        Contact = contact;
        Currency = currency;
        _lines = [.. lines];
        PlacedAt = placedAt;
        ShippingCharge = shippingCharge;
    }

    /// <summary>The order id.</summary>
    public string Id { get; }

    /// <summary>The customer's id in the shop.</summary>
    public string CustomerId { get; }

    /// <summary>The customer's tier: higher tiers are served first when supply is short.</summary>
    public CustomerTier Tier { get; }

    /// <summary>Where notifications go.</summary>
    public NotificationContact Contact { get; }

    /// <summary>The ISO 4217 currency of every amount.</summary>
    public string Currency { get; }

    /// <summary>The lines, in line-number order.</summary>
    public IReadOnlyList<OrderLine> Lines => _lines.AsReadOnly();

    /// <summary>The current status.</summary>
    public OrderStatus Status { get; private set; }

    /// <summary>When the customer placed the order.</summary>
    public DateTimeOffset PlacedAt { get; }

    /// <summary>When the order was confirmed, rejected, abandoned or cancelled (its latest transition).</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>Why the order was cancelled, when it was.</summary>
    public string? CancellationReason { get; private set; }

    /// <summary>The refund owed after a cancellation.</summary>
    public Money? RefundDue { get; private set; }

    /// <summary>The order's total: the sum of its lines (goods only; the <see cref="ShippingCharge"/> is on top).</summary>
    public Money Total => _lines.Aggregate(Money.Zero(Currency), (sum, line) => sum + line.Total);

    /// <summary>What the customer paid for shipping the order (zero when nothing was charged), in its currency.</summary>
    public Money ShippingCharge { get; }

    /// <summary>
    /// What a cancellation now would refund: every unit not shipped yet at its price, plus the shipping charge while
    /// nothing has shipped. Once a parcel is on its way the shipping was used: it is not refunded by a cancellation
    /// (a return of the shipped units refunds it when the shop is at fault), and shipped units are refunded through a
    /// return, not a cancellation, so nothing is refunded twice.
    /// </summary>
    public Money CancellationRefund
    {
        get
        {
            var goods = _lines.Aggregate(Money.Zero(Currency), (sum, line) => sum + (line.UnitPrice * Math.Max(0, line.Quantity - QuantityShipped(line.Sku))));
            return Shipments.Count == 0 ? goods + ShippingCharge : goods;
        }
    }

    /// <summary>True when every unit of every line has shipped: nothing is left to cancel (the customer returns instead).</summary>
    public bool FullyShipped => _lines.All(l => QuantityShipped(l.Sku) >= l.Quantity);

    /// <summary>
    /// A new pending order. <paramref name="shippingCharge"/> is what the customer paid for shipping, in the order's
    /// currency, zero or more (null: nothing was charged).
    /// </summary>
    public static Order Place(string id, string customerId, CustomerTier tier, NotificationContact contact, string currency, IReadOnlyList<OrderLine> lines, DateTimeOffset placedAt, Money? shippingCharge = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new ArgumentException("An order has at least one line.", nameof(lines));
        }

        var money = Money.Zero(currency);
        if (lines.Any(l => l.UnitPrice.Currency != money.Currency))
        {
            throw new ArgumentException("Every line is priced in the order's currency.", nameof(lines));
        }

        if (lines.Select(l => l.Sku).Distinct().Count() != lines.Count)
        {
            throw new ArgumentException("A SKU appears on one line only.", nameof(lines));
        }

        if (!lines.Select(l => l.LineNumber).SequenceEqual(Enumerable.Range(1, lines.Count)))
        {
            throw new ArgumentException("Lines are numbered 1 to N in order.", nameof(lines));
        }

        var shipping = shippingCharge ?? money;
        if (shipping.Currency != money.Currency)
        {
            throw new ArgumentException("The shipping charge is in the order's currency.", nameof(shippingCharge));
        }

        if (shipping < money)
        {
            throw new ArgumentOutOfRangeException(nameof(shippingCharge), shipping, "A shipping charge is zero or more.");
        }

        return new Order(id, customerId, tier, contact, money.Currency, lines, placedAt, shipping) { Status = OrderStatus.Pending };
    }

    /// <summary>Rebuilds a stored order.</summary>
    public static Order Restore(string id, string customerId, CustomerTier tier, NotificationContact contact, string currency, IEnumerable<OrderLine> lines, DateTimeOffset placedAt, OrderStatus status, DateTimeOffset? updatedAt, string? cancellationReason, Money? refundDue, Money shippingCharge) =>
        new(id, customerId, tier, contact, currency, lines, placedAt, shippingCharge)
        {
            Status = status,
            UpdatedAt = updatedAt,
            CancellationReason = cancellationReason,
            RefundDue = refundDue,
        };

    /// <summary>Confirms a pending order with one promise per line.</summary>
    public void Confirm(IReadOnlyList<LinePromise> promises, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(promises);
        Require(OrderStatus.Pending, nameof(Confirm));
        if (promises.Count != _lines.Count)
        {
            throw new ArgumentException($"{promises.Count} promises for {_lines.Count} lines.", nameof(promises));
        }

        for (var i = 0; i < _lines.Count; i++)
        {
            _lines[i] = _lines[i] with { Promise = promises[i] };
        }

        Status = OrderStatus.Confirmed;
        UpdatedAt = at;
    }

    /// <summary>Rejects a pending order (supply short or a line not orderable).</summary>
    public void Reject(DateTimeOffset at)
    {
        Require(OrderStatus.Pending, nameof(Reject));
        Status = OrderStatus.Rejected;
        UpdatedAt = at;
    }

    /// <summary>Abandons a pending order whose placement did not finish in time.</summary>
    public void Abandon(DateTimeOffset at)
    {
        Require(OrderStatus.Pending, nameof(Abandon));
        Status = OrderStatus.Abandoned;
        UpdatedAt = at;
    }

    /// <summary>
    /// Cancels what of a confirmed order has not shipped; a pre-sale cancellation is refunded in full for what the
    /// customer has not received: <see cref="RefundDue"/> becomes the <see cref="CancellationRefund"/> (with nothing
    /// shipped, the lines and the shipping charge). Units already shipped stay shipped: an order whose every unit has
    /// shipped is not cancelled (<see cref="CancellationOutcome.FullyShipped"/>; the customer returns the units instead).
    /// </summary>
    /// <exception cref="InvalidOperationException">A shipment is still taking its stock: finish it first.</exception>
    public CancellationOutcome Cancel(string? reason, DateTimeOffset at)
    {
        switch (Status)
        {
            case OrderStatus.Cancelled:
                return CancellationOutcome.AlreadyCancelled;
            case OrderStatus.Confirmed when _shipments.Any(s => s.Stock == ShipmentStock.Pending):
                throw new InvalidOperationException($"Order {Id} has a shipment still taking its stock: finish it before cancelling.");
            case OrderStatus.Confirmed when FullyShipped:
                return CancellationOutcome.FullyShipped;
            case OrderStatus.Confirmed:
                Status = OrderStatus.Cancelled;
                UpdatedAt = at;
                CancellationReason = reason;
                RefundDue = CancellationRefund;
                return CancellationOutcome.Cancelled;
            default:
                return CancellationOutcome.NotCancellable;
        }
    }

    /// <summary>
    /// Records a reconciliation's finding for line <paramref name="lineNumber"/> (status, estimate, allocation, pegs).
    /// Only a confirmed order is tracked; the promise itself never changes (a later estimate is a delay, told to the
    /// customer, not a new promise).
    /// </summary>
    /// <exception cref="InvalidOperationException">The order is not confirmed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The order has no such line.</exception>
    public void Track(int lineNumber, LineTracking tracking, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        Require(OrderStatus.Confirmed, nameof(Track));
        var index = _lines.FindIndex(l => l.LineNumber == lineNumber);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lineNumber), lineNumber, $"Order {Id} has no line {lineNumber}.");
        }

        _lines[index] = _lines[index] with { Tracking = tracking };
        UpdatedAt = at;
    }

    /// <summary>True while the order's lines may hold reservations that nobody will confirm (it is not confirmed).</summary>
    public bool HoldsNoPromise => Status is OrderStatus.Rejected or OrderStatus.Abandoned or OrderStatus.Cancelled;

    /// <summary>The shipments whose units have left the stock (what has shipped), in the order they were recorded.</summary>
    public IReadOnlyList<Shipment> Shipments => [.. _shipments.Where(s => s.Stock == ShipmentStock.Taken)];

    /// <summary>
    /// Every shipment recorded, in the order it was recorded: those shipped, those still taking their stock
    /// (<see cref="ShipmentStock.Pending"/>) and those whose stock was refused.
    /// </summary>
    public IReadOnlyList<Shipment> ShipmentRecords => _shipments.AsReadOnly();

    /// <summary>Units of <paramref name="sku"/> shipped so far (their stock taken).</summary>
    public int QuantityShipped(Sku sku) => Shipments.Sum(s => s.QuantityOf(sku));

    /// <summary>Units of <paramref name="sku"/> delivered so far (in shipped shipments with a delivery date).</summary>
    public int QuantityDelivered(Sku sku) => Shipments.Where(s => s.DeliveredOn is not null).Sum(s => s.QuantityOf(sku));

    /// <summary>
    /// The day the last delivered shipment holding <paramref name="sku"/> arrived, or null while none has: a return
    /// window starts at delivery, so a later parcel of the same line extends it.
    /// </summary>
    public DateOnly? DeliveredOn(Sku sku) => Shipments.Where(s => s.DeliveredOn is not null && s.QuantityOf(sku) > 0).Max(s => s.DeliveredOn);

    /// <summary>
    /// Records a shipment of a confirmed order, idempotently by shipment id: the same shipment again changes nothing;
    /// the same shipment with a delivery date it lacked records the delivery; anything else under that id is refused,
    /// unless the shipment's stock was refused (then it is recorded again as the next attempt). Each line must be an
    /// order line and ship no more than its units left to ship (shipped or being shipped); a delivery is not before
    /// shipping. A new shipment is <see cref="ShipmentStock.Pending"/> until its units have left the stock
    /// (<see cref="TakeShipmentStock"/>) or the stock was short (<see cref="RefuseShipmentStock"/>).
    /// </summary>
    public ShipmentResult RecordShipment(Shipment shipment)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var index = _shipments.FindIndex(s => s.Id == shipment.Id);
        if (index >= 0 && _shipments[index].Stock != ShipmentStock.Refused)
        {
            var recorded = _shipments[index];
            if (recorded.SameAs(shipment))
            {
                return new ShipmentResult(ShipmentOutcome.AlreadyRecorded);
            }

            if (recorded.DeliveredOn is null && shipment.DeliveredOn is not null && recorded.SameAs(shipment with { DeliveredOn = null }))
            {
                _shipments[index] = recorded with { DeliveredOn = shipment.DeliveredOn };
                return new ShipmentResult(ShipmentOutcome.DeliveryRecorded);
            }

            return new ShipmentResult(ShipmentOutcome.ConflictingShipment, $"Shipment {shipment.Id} was recorded with other lines or dates; only a missing delivery date can be added.", "shipmentId");
        }

        if (Status == OrderStatus.Pending || HoldsNoPromise)
        {
            return new ShipmentResult(ShipmentOutcome.NotShippable, $"Order {Id} is {Status}: only a confirmed order ships.");
        }

        if (shipment.Lines.Count == 0)
        {
            return new ShipmentResult(ShipmentOutcome.InvalidLines, "A shipment holds at least one line.", "lines");
        }

        if (shipment.DeliveredOn is { } delivered && delivered < shipment.ShippedOn)
        {
            return new ShipmentResult(ShipmentOutcome.InvalidLines, "A shipment is delivered on or after the day it shipped.", "deliveredOn");
        }

        for (var i = 0; i < shipment.Lines.Count; i++)
        {
            var line = shipment.Lines[i];
            var ordered = _lines.FirstOrDefault(l => l.Sku == line.Sku);
            var problem = ordered is null ? (Field: "sku", Message: $"SKU {line.Sku} is not on order {Id}.")
                : shipment.Lines.Take(i).Any(l => l.Sku == line.Sku) ? ("sku", $"SKU {line.Sku} appears more than once in the shipment.")
                : line.Quantity < 1 ? ("quantity", "A shipment line ships at least one unit.")
                : line.Quantity > ordered.Quantity - QuantityOnTheWay(line.Sku) ? ("quantity", $"Only {ordered.Quantity - QuantityOnTheWay(line.Sku)} unit(s) of SKU {line.Sku} are left to ship, not {line.Quantity}.")
                : ((string Field, string Message)?)null;
            if (problem is { } p)
            {
                return new ShipmentResult(ShipmentOutcome.InvalidLines, p.Message, $"lines[{i}].{p.Field}");
            }
        }

        var pending = shipment with { Stock = ShipmentStock.Pending, Attempt = index >= 0 ? _shipments[index].Attempt + 1 : 1, Refusal = null };
        if (index >= 0)
        {
            _shipments[index] = pending;
        }
        else
        {
            _shipments.Add(pending);
        }

        return new ShipmentResult(ShipmentOutcome.Recorded);
    }

    /// <summary>Records that the units of pending shipment <paramref name="shipmentId"/> have left the stock: it counts as shipped.</summary>
    /// <exception cref="InvalidOperationException">No such shipment is pending.</exception>
    public void TakeShipmentStock(string shipmentId)
    {
        var index = PendingIndex(shipmentId);
        _shipments[index] = _shipments[index] with { Stock = ShipmentStock.Taken };
    }

    /// <summary>
    /// Records that pending shipment <paramref name="shipmentId"/> could not take its stock (<paramref name="reason"/>):
    /// nothing counts as shipped, and the stock any of its lines took is to be given back.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such shipment is pending.</exception>
    public void RefuseShipmentStock(string shipmentId, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        var index = PendingIndex(shipmentId);
        _shipments[index] = _shipments[index] with { Stock = ShipmentStock.Refused, Refusal = reason };
    }

    /// <summary>Units of <paramref name="sku"/> shipped or being shipped (their stock taken or being taken).</summary>
    private int QuantityOnTheWay(Sku sku) => _shipments.Where(s => s.Stock != ShipmentStock.Refused).Sum(s => s.QuantityOf(sku));

    private int PendingIndex(string shipmentId)
    {
        var index = _shipments.FindIndex(s => s.Id == shipmentId);
        return index >= 0 && _shipments[index].Stock == ShipmentStock.Pending
            ? index
            : throw new InvalidOperationException($"Order {Id} has no shipment {shipmentId} taking its stock.");
    }

    /// <summary>Puts back the shipments of a stored order (storage only: they were validated when recorded).</summary>
    public void RestoreShipments(IEnumerable<Shipment> shipments)
    {
        ArgumentNullException.ThrowIfNull(shipments);
        _shipments.Clear();
        _shipments.AddRange(shipments);
    }

    private void Require(OrderStatus expected, string transition)
    {
        if (Status != expected)
        {
            throw new InvalidOperationException($"Order {Id} is {Status}; {transition} needs {expected}.");
        }
    }
}
