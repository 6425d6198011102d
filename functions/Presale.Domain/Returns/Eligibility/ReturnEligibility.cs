using System.Globalization;
using Presale.Domain.Common;

namespace Presale.Domain.Returns.Eligibility;

/// <summary>Decides at intake, and explains, which requested lines may be returned.</summary>
public static class ReturnEligibility
{
    /// <summary>
    /// Checks <paramref name="intake"/> against <paramref name="order"/> and <paramref name="policy"/> on the shop-local
    /// day <paramref name="today"/>. Every reason against a line is listed, not just the first. A window is inclusive:
    /// a line delivered on the 1st with a 30-day window may be returned up to and including the 31st.
    /// </summary>
    /// <exception cref="ArgumentException">The intake names another order than <paramref name="order"/> (a caller bug).</exception>
    public static EligibilityResult Evaluate(ReturnableOrder order, ReturnIntake intake, ReturnEligibilityPolicy policy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(policy);
        if (intake.OrderId != order.OrderId)
        {
            throw new ArgumentException($"The intake names order {intake.OrderId} but the facts are for order {order.OrderId}.", nameof(intake));
        }

        var requestReasons = new List<Ineligibility>();
        if (intake.CustomerId != order.CustomerId)
        {
            requestReasons.Add(new(IneligibilityCode.NotOrderOwner, $"Order {order.OrderId} was not placed by this customer."));
        }

        if (intake.Lines.Count == 0)
        {
            requestReasons.Add(new(IneligibilityCode.NoLines, "A return names at least one line of the order."));
        }

        var seen = new HashSet<Sku>();
        var lines = intake.Lines.Select(line => EvaluateLine(order, line, policy, today, seen)).ToArray();
        return new EligibilityResult(requestReasons, lines);
    }

    private static LineEligibility EvaluateLine(
        ReturnableOrder order, ReturnIntakeLine line, ReturnEligibilityPolicy policy, DateOnly today, HashSet<Sku> seen)
    {
        var reasons = new List<Ineligibility>();
        if (!seen.Add(line.Sku))
        {
            reasons.Add(new(IneligibilityCode.DuplicateLine, $"SKU {line.Sku} appears more than once in this return; list it once with the total quantity."));
            return new LineEligibility(line, reasons, null);
        }

        if (line.Quantity <= 0)
        {
            reasons.Add(new(IneligibilityCode.QuantityNotPositive, Text($"Quantity for SKU {line.Sku} must be at least 1, not {line.Quantity}.")));
        }

        if (order.FindLine(line.Sku) is not { } ordered)
        {
            reasons.Add(new(IneligibilityCode.NotOnOrder, $"SKU {line.Sku} is not on order {order.OrderId}."));
            return new LineEligibility(line, reasons, null);
        }

        if (line.Quantity > ordered.QuantityReturnable)
        {
            reasons.Add(new(IneligibilityCode.QuantityExceedsReturnable, Text(
                $"Only {ordered.QuantityReturnable} unit(s) of SKU {line.Sku} can be returned ({ordered.QuantityDelivered} delivered, {ordered.QuantityAlreadyReturned} already returned), not {line.Quantity}.")));
        }

        if (!ordered.Returnable)
        {
            reasons.Add(new(IneligibilityCode.ProductNotReturnable, $"SKU {line.Sku} is marked non-returnable."));
        }

        if (policy.NonReturnableSkus.Contains(line.Sku))
        {
            reasons.Add(new(IneligibilityCode.SkuNotReturnable, $"The shop does not accept returns of SKU {line.Sku}."));
        }

        if (policy.IsCategoryNonReturnable(ordered.Category))
        {
            reasons.Add(new(IneligibilityCode.CategoryNotReturnable, $"The shop does not accept returns of {ordered.Category} products."));
        }

        DateOnly? lastDay = null;
        if (ordered.DeliveredOn is not { } deliveredOn)
        {
            reasons.Add(new(IneligibilityCode.NotDelivered, $"SKU {line.Sku} has not been delivered yet; cancel the order instead."));
        }
        else
        {
            var windowDays = policy.WindowDaysFor(ordered.Category);
            lastDay = deliveredOn.AddDays(windowDays);
            if (today > lastDay)
            {
                reasons.Add(new(IneligibilityCode.WindowClosed, Text(
                    $"The {windowDays}-day return window for SKU {line.Sku} closed on {lastDay:yyyy-MM-dd} (delivered {deliveredOn:yyyy-MM-dd}).")));
            }
        }

        return new LineEligibility(line, reasons, lastDay);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
