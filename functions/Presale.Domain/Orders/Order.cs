using Presale.Domain.Common;
using Presale.Domain.Supply;

namespace Presale.Domain.Orders;

/// <summary>
/// A pre-sale order: who ordered (customer, CRM tier, notification contact), what (lines in the shop's currency) and
/// what was promised per line (date and backing supply). Placement is a saga: the order starts
/// <see cref="OrderStatus.Pending"/>, then is confirmed with its promises, rejected, or abandoned; a confirmed order
/// can be cancelled, which makes its full price refundable (pre-sale terms).
/// </summary>
public sealed class Order
{
    private readonly List<OrderLine> _lines;

    private Order(string id, string customerId, CustomerTier tier, NotificationContact contact, string currency, IEnumerable<OrderLine> lines, DateTimeOffset placedAt)
    {
        Id = id;
        CustomerId = customerId;
        Tier = tier;
        Contact = contact;
        Currency = currency;
        _lines = [.. lines];
        PlacedAt = placedAt;
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

    /// <summary>The order's total.</summary>
    public Money Total => _lines.Aggregate(Money.Zero(Currency), (sum, line) => sum + line.Total);

    /// <summary>A new pending order.</summary>
    public static Order Place(string id, string customerId, CustomerTier tier, NotificationContact contact, string currency, IReadOnlyList<OrderLine> lines, DateTimeOffset placedAt)
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

        return new Order(id, customerId, tier, contact, money.Currency, lines, placedAt) { Status = OrderStatus.Pending };
    }

    /// <summary>Rebuilds a stored order.</summary>
    public static Order Restore(string id, string customerId, CustomerTier tier, NotificationContact contact, string currency, IEnumerable<OrderLine> lines, DateTimeOffset placedAt, OrderStatus status, DateTimeOffset? updatedAt, string? cancellationReason, Money? refundDue) =>
        new(id, customerId, tier, contact, currency, lines, placedAt)
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

    /// <summary>Cancels a confirmed order; a pre-sale cancellation is refunded in full.</summary>
    public CancellationOutcome Cancel(string? reason, DateTimeOffset at)
    {
        switch (Status)
        {
            case OrderStatus.Cancelled:
                return CancellationOutcome.AlreadyCancelled;
            case OrderStatus.Confirmed:
                Status = OrderStatus.Cancelled;
                UpdatedAt = at;
                CancellationReason = reason;
                RefundDue = Total;
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

    private void Require(OrderStatus expected, string transition)
    {
        if (Status != expected)
        {
            throw new InvalidOperationException($"Order {Id} is {Status}; {transition} needs {expected}.");
        }
    }
}
