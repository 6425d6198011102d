using Presale.Domain.Common;

namespace Presale.Domain.Returns.Refunds;

/// <summary>Computes the refund of a triaged return from the shop's <see cref="RefundPolicy"/>.</summary>
public static class RefundCalculator
{
    /// <summary>
    /// The refund for <paramref name="request"/>, whose every unit must have a final decision. Per unit not rejected by
    /// a reviewer: price minus the first matching restocking fee (by reason and inspected grade), rounded to cents;
    /// rejected units are not refunded (a line whose every unit was rejected has no refund line). Then the order's original
    /// shipping still unrefunded (<paramref name="shippingStillRefundable"/>: charged minus refunded by earlier
    /// returns) is added when any line is the shop's fault, or the return label's cost is deducted when no line is and a
    /// unit travelled back (each as the policy allows). The total never goes below zero.
    /// </summary>
    /// <exception cref="InvalidOperationException">A unit has no final decision yet.</exception>
    public static Refund Calculate(ReturnRequest request, RefundPolicy policy, Money shippingStillRefundable)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        if (request.Units.FirstOrDefault(u => !u.IsDecided) is { } undecided)
        {
            throw new InvalidOperationException($"Return {request.Id} cannot be refunded before unit {undecided.Id} is decided.");
        }

        var zero = Money.Zero(request.Currency);
        var lines = request.Lines
            .Select(line => (Line: line, Units: request.Units.Where(u => u.Id.Sku == line.Sku && !u.IsRejected).ToArray()))
            .Where(l => l.Units.Length > 0)
            .Select(l => LineRefund(l.Line, l.Units, policy))
            .ToArray();
        var goods = lines.Aggregate(zero, (sum, l) => sum + l.Net);

        var shopAtFault = request.Lines.Any(l => l.Reason.IsShopAtFault());
        var anyShipped = request.Units.Any(u => !u.IsKept);
        var shipping = policy.RefundsOriginalShipping(request)
            ? Money.Max(zero, shippingStillRefundable)
            : zero;
        var label = !shopAtFault && anyShipped && policy.DeductReturnLabelWhenCustomerAtFault && request.ReturnShippingCost is { } cost
            ? Money.Max(zero, cost)
            : zero;

        // The label is deducted only from what is refunded: the customer never owes the shop.
        label = Money.Min(label, goods + shipping);
        var total = goods + shipping - label;
        return new Refund(Refund.KeyFor(request.Id), request.Id, request.OrderId, request.CustomerId, lines, goods, shipping, label, total);
    }

    private static RefundLine LineRefund(ReturnLine line, IReadOnlyList<ReturnUnit> units, RefundPolicy policy)
    {
        var fees = units
            .Select(unit =>
            {
                var rule = policy.FeeRuleFor(line.Reason, unit.Grade);
                var percent = rule?.FeePercent ?? 0m;
                return new RestockingFeeCharge(unit.Id, unit.Grade, rule?.Name, percent, (line.UnitPrice * (percent / 100m)).Round());
            })
            .ToArray();

        var gross = line.UnitPrice * units.Count;
        var fee = fees.Aggregate(Money.Zero(line.UnitPrice.Currency), (sum, f) => sum + f.Amount);
        return new RefundLine(line.Sku, units.Count, line.UnitPrice, gross, fee, gross - fee, fees);
    }
}
