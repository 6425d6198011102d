using System.Globalization;
using Presale.Domain.Common;

namespace Presale.Domain.Purchasing.Settlement;

/// <summary>
/// Computes a supplier's statement for a period from what earlier statements settled (<see cref="SettlementPosition"/>)
/// and what is known now. Per purchase-order line it measures, as of the period's last day, the units paid (deliveries
/// in date order, at most the units ordered), the paid units delivered before and after the on-time window, and the
/// accepted units the supplier cut or cancelled; each difference to the settled position becomes an item with its
/// rule. Differences that belong to days the previous statement already covered (a receipt recorded after its period
/// closed) come first, marked as adjustments, so a closed statement never changes and a correction always lands on the
/// next one. Then return-to-vendor credits for claims not credited before, then rebates on the statement's goods.
/// Rounding follows <see cref="MoneyRounding"/>; totals are exact sums of the items.
/// </summary>
public static class StatementCalculator
{
    private static readonly SettlementRule[] DatedRules = [SettlementRule.Goods, SettlementRule.EarlyUnits, SettlementRule.LateUnits];

    /// <summary>True when the line will put nothing more on a statement after the one ending <paramref name="end"/>: it is closed and every delivery is dated by then.</summary>
    public static bool IsFinished(SettlementLineFacts facts, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Closed && facts.Deliveries.All(d => d.On <= end);
    }

    /// <summary>The statement of <paramref name="input"/> and the position it leaves.</summary>
    /// <exception cref="ArgumentException">A line or claim is priced in another currency than the terms (callers keep one currency per supplier).</exception>
    public static StatementComputation Compute(StatementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var period = input.Period;
        if (input.PreviousEnd >= period.End)
        {
            throw new ArgumentException($"The previous statement ended {input.PreviousEnd:yyyy-MM-dd}, not before period {period.Id}.", nameof(input));
        }

        var currency = input.Terms.Currency;
        var previous = input.Previous.Lines.ToDictionary(l => (l.PurchaseOrderId, l.LineNumber));
        var items = new List<StatementItem>();
        var lines = new List<StatementLine>();
        var positions = new List<LinePosition>();
        DateOnly? earliestPaidDelivery = null;
        foreach (var facts in input.Lines.OrderBy(l => l.PurchaseOrderId.Value, StringComparer.Ordinal).ThenBy(l => l.LineNumber))
        {
            if (facts.UnitCost.Currency != currency)
            {
                throw new ArgumentException($"Line {facts.LineNumber} of purchase order {facts.PurchaseOrderId} is priced in {facts.UnitCost.Currency}, the supplier's terms in {currency}.", nameof(input));
            }

            var stored = previous.GetValueOrDefault((facts.PurchaseOrderId.Value, facts.LineNumber)) ?? new LinePosition(facts.PurchaseOrderId.Value, facts.LineNumber);
            var before = Measure(facts, input.PreviousEnd);
            var now = Measure(facts, period.End);
            var (shortUnits, cancelledLineUnits) = Cuts(facts, now.Delivered);
            var settle = new LineSettlement(facts, input, items);
            var position = stored;
            foreach (var rule in DatedRules)
            {
                position = settle.To(position, rule, before.Units(rule), adjustment: true);
            }

            foreach (var rule in DatedRules)
            {
                position = settle.To(position, rule, now.Units(rule), adjustment: false);
            }

            position = settle.To(position, SettlementRule.ShortUnits, shortUnits, adjustment: false);
            position = settle.To(position, SettlementRule.CancelledLine, cancelledLineUnits, adjustment: false);
            if (now.FirstPaidAfter(stored.GoodsUnits) is { } first && (earliestPaidDelivery is null || first < earliestPaidDelivery))
            {
                earliestPaidDelivery = first;
            }

            positions.Add(position);
            if (settle.Added > 0)
            {
                var closed = IsFinished(facts, period.End);
                lines.Add(new StatementLine(
                    facts.PurchaseOrderId.Value, facts.LineNumber, facts.Sku.Value, facts.UnitCost, facts.OrderedQuantity, facts.CommittedQuantity,
                    now.Delivered, now.Goods, now.Goods - now.Early - now.Late, now.Early, now.Late, shortUnits, cancelledLineUnits,
                    facts.Window?.From, facts.Window?.To, closed,
                    closed ? now.Early + now.Late == 0 && now.Goods >= facts.OrderedQuantity : null));
            }
        }

        var credited = CreditClaims(input, currency, items);
        AddRebates(input, currency, items);

        var statement = new SupplierStatement(
            input.SupplierId,
            period.Id,
            period.Start,
            period.End,
            currency,
            period.IssuedOn,
            input.Terms.Payment.DueDate(period.IssuedOn, earliestPaidDelivery),
            input.Terms.Payment,
            input.Grade,
            input.TrailingOnTimeRate,
            lines,
            items,
            Settlements(items, currency),
            Totals(items, currency));
        return new StatementComputation(statement, new SettlementPosition(positions, credited));
    }

    private static (int Short, int CancelledLine) Cuts(SettlementLineFacts facts, int delivered)
    {
        var cut = Math.Clamp(facts.CancelledUnits, 0, facts.CommittedQuantity);
        return cut > 0 && delivered == 0 && cut >= facts.CommittedQuantity ? (0, cut) : (cut, 0);
    }

    private static Measured Measure(SettlementLineFacts facts, DateOnly asOf)
    {
        int goods = 0, early = 0, late = 0, delivered = 0;
        var paidOn = new List<(int PaidThrough, DateOnly On)>();
        foreach (var delivery in facts.Deliveries.Where(d => d.On <= asOf).OrderBy(d => d.On).ThenBy(d => d.Reference, StringComparer.Ordinal))
        {
            delivered += delivery.Units;
            var paid = Math.Clamp(facts.OrderedQuantity - goods, 0, delivery.Units);
            if (paid == 0)
            {
                continue;
            }

            goods += paid;
            paidOn.Add((goods, delivery.On));
            if (facts.Window is { } window)
            {
                early += delivery.On < window.From ? paid : 0;
                late += delivery.On > window.To ? paid : 0;
            }
        }

        return new Measured(goods, early, late, delivered, paidOn);
    }

    private static List<CreditedClaim> CreditClaims(StatementInput input, string currency, List<StatementItem> items)
    {
        var credited = input.Previous.CreditedClaims
            .Where(c => c.DecidedOn >= input.ClaimsFrom)
            .GroupBy(c => c.ClaimId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var claim in input.Claims
            .Where(c => c.DecidedOn <= input.Period.End)
            .OrderBy(c => c.DecidedOn).ThenBy(c => c.ClaimId, StringComparer.Ordinal))
        {
            if (!credited.TryAdd(claim.ClaimId, new CreditedClaim(claim.ClaimId, claim.DecidedOn)))
            {
                continue;
            }

            var priced = claim.UnitCost is { } cost && cost.Currency == currency ? cost : (Money?)null;
            var amount = priced is { } unit ? -MoneyRounding.Round(unit).Amount : MoneyRounding.Round(0m, currency);
            var on = Text(claim.DecidedOn);
            items.Add(new StatementItem(
                StatementItemKind.ReturnCredit, SettlementRule.ReturnToVendor, claim.PurchaseOrderId, claim.LineNumber, claim.Sku.Value, claim.ClaimId, 1, priced, null, null,
                new Money(amount, currency), claim.DecidedOn <= input.PreviousEnd, false,
                priced is { } p
                    ? $"1 unit of {claim.Sku} sent back to the supplier (claim {claim.ClaimId}, decided {on}) credited at {Text(p)}"
                    : $"1 unit of {claim.Sku} sent back to the supplier (claim {claim.ClaimId}, decided {on}): no unit cost in {currency} is known for it, so nothing is credited; settle it by hand"));
        }

        return [.. credited.Values.OrderBy(c => c.DecidedOn).ThenBy(c => c.ClaimId, StringComparer.Ordinal)];
    }

    private static void AddRebates(StatementInput input, string currency, List<StatementItem> items)
    {
        var goods = items.Where(i => i.Kind == StatementItemKind.Goods).Sum(i => i.Amount.Amount);
        if (goods <= 0m)
        {
            return;
        }

        var basis = new Money(goods, currency);
        var gradeRate = input.Terms.Rebates.GradeRate(input.Grade);
        if (gradeRate != 0m)
        {
            items.Add(Rebate(SettlementRule.GradeRebate, basis, gradeRate, $"grade {input.Grade} rebate of {Percent(gradeRate)} on goods of {Text(basis)}"));
        }

        if (input.Terms.Rebates.TierFor(goods) is { Rate: not 0m } tier)
        {
            items.Add(Rebate(SettlementRule.VolumeRebate, basis, tier.Rate, $"volume rebate of {Percent(tier.Rate)} on goods of {Text(basis)} (tier from {Text(new Money(tier.FromAmount, currency))})"));
        }
    }

    private static StatementItem Rebate(SettlementRule rule, Money basis, decimal rate, string description) =>
        new(StatementItemKind.Rebate, rule, null, null, null, null, 0, null, rate, basis, MoneyRounding.Round(basis * rate), false, false, description);

    private static List<PurchaseOrderSettlement> Settlements(List<StatementItem> items, string currency)
    {
        var orders = items.Where(i => i.PurchaseOrderId is not null).Select(i => i.PurchaseOrderId!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (orders.Count == 0)
        {
            return [];
        }

        decimal Sum(string order, StatementItemKind kind) => items.Where(i => i.Kind == kind && i.PurchaseOrderId == order).Sum(i => i.Amount.Amount);
        var goods = orders.Select(o => Sum(o, StatementItemKind.Goods)).ToList();
        var rebates = orders.Select(_ => 0m).ToArray();
        foreach (var rebate in items.Where(i => i.Kind == StatementItemKind.Rebate))
        {
            var shares = MoneyRounding.Allocate(rebate.Amount, goods);
            for (var i = 0; i < shares.Count; i++)
            {
                rebates[i] += shares[i].Amount;
            }
        }

        return [.. orders.Select((order, i) =>
        {
            var chargebacks = Sum(order, StatementItemKind.Chargeback);
            var credits = Sum(order, StatementItemKind.ReturnCredit);
            return new PurchaseOrderSettlement(
                order,
                Amount(goods[i], currency),
                Amount(chargebacks, currency),
                Amount(credits, currency),
                Amount(rebates[i], currency),
                Amount(goods[i] + chargebacks + credits + rebates[i], currency));
        })];
    }

    private static StatementTotals Totals(List<StatementItem> items, string currency)
    {
        Money Sum(StatementItemKind kind) => Amount(items.Where(i => i.Kind == kind).Sum(i => i.Amount.Amount), currency);
        return new StatementTotals(
            Sum(StatementItemKind.Goods),
            Sum(StatementItemKind.Chargeback),
            Sum(StatementItemKind.ReturnCredit),
            Sum(StatementItemKind.Rebate),
            Amount(items.Sum(i => i.Amount.Amount), currency));
    }

    // Sums of rounded amounts are already whole minor units; this only writes them with the currency's decimals.
    private static Money Amount(decimal sum, string currency) => new(MoneyRounding.Round(sum, currency), currency);

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(Money money) => string.Create(CultureInfo.InvariantCulture, $"{money.Amount} {money.Currency}");

    private static string Percent(decimal rate) => (rate * 100m).ToString("0.####", CultureInfo.InvariantCulture) + " %";

    private sealed record Measured(int Goods, int Early, int Late, int Delivered, List<(int PaidThrough, DateOnly On)> PaidOn)
    {
        public int Units(SettlementRule rule) => rule switch
        {
            SettlementRule.Goods => Goods,
            SettlementRule.EarlyUnits => Early,
            SettlementRule.LateUnits => Late,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a dated rule."),
        };

        /// <summary>The day of the first delivery with units paid beyond the first <paramref name="settled"/>.</summary>
        public DateOnly? FirstPaidAfter(int settled) => PaidOn.Where(p => p.PaidThrough > settled).Select(p => (DateOnly?)p.On).FirstOrDefault();
    }

    /// <summary>Moves one line's position rule by rule, adding an item for each change.</summary>
    private sealed class LineSettlement(SettlementLineFacts facts, StatementInput input, List<StatementItem> items)
    {
        public int Added { get; private set; }

        public LinePosition To(LinePosition position, SettlementRule rule, int target, bool adjustment)
        {
            var (units, amount) = position.Of(rule);
            var delta = target - units;
            if (delta == 0)
            {
                return position;
            }

            var cost = facts.UnitCost;
            if (rule == SettlementRule.Goods)
            {
                var paid = MoneyRounding.Extend(cost, target).Amount;
                Add(StatementItemKind.Goods, rule, delta, null, paid - amount, adjustment, waived: false, GoodsText(delta, adjustment));
                return position.With(rule, target, paid);
            }

            var rate = Rate(rule);
            decimal Max(int u) => MoneyRounding.Extend(cost, u, rate).Amount;
            var waived = delta > 0 && IsWaivable(rule) && Waived();
            var charged = delta > 0
                ? amount + (waived ? 0m : Max(target) - Max(units))
                : Math.Min(amount, Max(target));
            if (rate != 0m)
            {
                Add(StatementItemKind.Chargeback, rule, delta, rate, amount - charged, adjustment, waived, ChargeText(rule, delta, rate, adjustment, waived));
            }

            return position.With(rule, target, charged);
        }

        private void Add(StatementItemKind kind, SettlementRule rule, int units, decimal? rate, decimal amount, bool adjustment, bool waived, string description)
        {
            items.Add(new StatementItem(
                kind, rule, facts.PurchaseOrderId.Value, facts.LineNumber, facts.Sku.Value, null, units, facts.UnitCost, rate, null,
                new Money(MoneyRounding.Round(amount, facts.UnitCost.Currency), facts.UnitCost.Currency), adjustment, waived, description));
            Added++;
        }

        private decimal Rate(SettlementRule rule) => rule switch
        {
            SettlementRule.EarlyUnits or SettlementRule.LateUnits => facts.Rates.LateUnits,
            SettlementRule.ShortUnits => facts.Rates.ShortUnits,
            SettlementRule.CancelledLine => facts.Rates.CancelledLine,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a chargeback rule."),
        };

        private static bool IsWaivable(SettlementRule rule) => rule is SettlementRule.EarlyUnits or SettlementRule.LateUnits;

        private bool Waived() =>
            facts.Rates.WaiveOutsideWindowAboveOnTimeRate is { } threshold && input.TrailingOnTimeRate is { } rate && (decimal)rate >= threshold;

        private string Where => $"{facts.Sku} (purchase order {facts.PurchaseOrderId} line {facts.LineNumber})";

        private string GoodsText(int delta, bool adjustment)
        {
            var text = delta > 0
                ? $"{delta} units of {Where} received, at {Text(facts.UnitCost)}"
                : $"correction: {-delta} units of {Where} no longer received, at {Text(facts.UnitCost)}";
            return adjustment ? $"{text}; received by {Text(input.PreviousEnd)}, recorded after that statement closed" : text;
        }

        private string ChargeText(SettlementRule rule, int delta, decimal rate, bool adjustment, bool waived)
        {
            var window = facts.Window is { } w ? $"{Text(w.From)} to {Text(w.To)}" : "none";
            var what = rule switch
            {
                SettlementRule.EarlyUnits => $"units of {Where} delivered before the on-time window ({window})",
                SettlementRule.LateUnits => $"units of {Where} delivered after the on-time window ({window})",
                SettlementRule.ShortUnits => $"accepted units of {Where} cut by the supplier",
                _ => $"accepted units of {Where}, cancelled with nothing delivered",
            };
            var text = delta > 0
                ? $"{delta} {what}: {Percent(rate)} of their cost"
                : $"correction: {-delta} {what} no longer so; charge given back";
            if (waived)
            {
                text += string.Create(CultureInfo.InvariantCulture, $"; waived: trailing on-time-in-full {input.TrailingOnTimeRate:P1} is at least {Percent(facts.Rates.WaiveOutsideWindowAboveOnTimeRate!.Value)}");
            }

            return adjustment ? $"{text}; delivered by {Text(input.PreviousEnd)}, recorded after that statement closed" : text;
        }
    }
}
