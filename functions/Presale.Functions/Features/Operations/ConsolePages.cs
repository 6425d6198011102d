using Presale.Application.Alerts;
using Presale.Application.Kpis;
using Presale.Application.Orders;
using Presale.Application.Replenishment;
using Presale.Application.Suppliers;
using Presale.Application.Supply;
using Presale.Domain.Reconciliation;
using Presale.Domain.Supply;
using static Presale.Functions.Features.Operations.ConsoleHtml;

namespace Presale.Functions.Features.Operations;

/// <summary>
/// The bodies of the console's pages, from what the functions read (snapshot rows and the features' own queries);
/// no figure is computed here that a query or <see cref="KpiPeriod"/> already computes.
/// </summary>
public static class ConsolePages
{
    /// <summary>The overview: promises, pre-sold against supply, accuracy this week and last, compensation, returns, alerts.</summary>
    public static string Overview(string locale, KpiStatus? status, ShopKpisView? last30, (decimal? ThisWeek, decimal? LastWeek) accuracy, IReadOnlyList<AlertView> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var body = new System.Text.StringBuilder(Computed(locale, status));
        if (status is not null && last30 is not null)
        {
            body.Append(Section("promises", T(locale, "Overview.Promises"),
                Figures([
                    ("open-orders", T(locale, "Overview.Open"), Number(status.OpenOrders)),
                    ("on-track", T(locale, "Overview.OnTrack"), Number(status.OnTrack)),
                    ("at-risk", T(locale, "Overview.AtRisk"), Number(status.AtRisk)),
                    ("late", T(locale, "Overview.Late"), Number(status.Late)),
                ]) +
                ConsoleCharts.Bars("chart-promises", T(locale, "Overview.Promises"), [
                    (T(locale, "Overview.Open"), [
                        (status.OnTrack, ConsoleCharts.Good, T(locale, "Overview.OnTrack")),
                        (status.AtRisk, ConsoleCharts.Warn, T(locale, "Overview.AtRisk")),
                        (status.Late, ConsoleCharts.Bad, T(locale, "Overview.Late"))]),
                ])));
            body.Append(Section("supply", T(locale, "Overview.Supply"),
                ConsoleCharts.Bars("chart-supply", T(locale, "Overview.Supply"), [.. status.Skus.Select(s => (s.Sku, (IReadOnlyList<(decimal, string, string)>)[
                    (Math.Min(s.Reserved, s.OnHand + s.Inbound), ConsoleCharts.Main, T(locale, "Reserved")),
                    (s.BeyondConfirmed, ConsoleCharts.Bad, T(locale, "BeyondConfirmed")),
                    (Math.Max(0, s.OnHand + s.Inbound - s.Reserved), ConsoleCharts.Light, T(locale, "OnHand") + " + " + T(locale, "Inbound"))]))]) +
                Table(T(locale, "Overview.Supply"), [T(locale, "Sku"), T(locale, "Reserved") + "#", T(locale, "OnHand") + "#", T(locale, "Inbound") + "#", T(locale, "Cap") + "#", T(locale, "BeyondConfirmed") + "#"],
                    status.Skus.Select(s => (IReadOnlyList<string>)[Link(SkuPath(s.Sku), locale, s.Sku), Number(s.Reserved), Number(s.OnHand), Number(s.Inbound), Number(s.Cap), Number(s.BeyondConfirmed)]), "table-supply")));
            body.Append(Section("accuracy", T(locale, "Overview.Accuracy"), Figures([
                ("accuracy-this-week", T(locale, "Overview.ThisWeek"), Percent(accuracy.ThisWeek)),
                ("accuracy-last-week", T(locale, "Overview.LastWeek"), Percent(accuracy.LastWeek)),
                ("compensation", T(locale, "Overview.Compensation"), Money(last30.Compensation) + " " + last30.Currency),
            ])));
            body.Append(Section("returns", T(locale, "Overview.ReturnsInFlight"), CountTable(locale, T(locale, "Overview.ReturnsInFlight"), T(locale, "Status"), status.ReturnsInFlight, "table-returns")));
        }

        body.Append(Section("alerts", T(locale, "Overview.Alerts"), Alerts(locale, T(locale, "Overview.Alerts"), alerts, "table-alerts")));
        return body.ToString();
    }

    private static string Alerts(string locale, string caption, IReadOnlyList<AlertView> alerts, string id) => alerts.Count == 0
        ? Paragraph(T(locale, "None"))
        : Table(caption, [T(locale, "Alert.Subject"), T(locale, "Alert.Kind"), T(locale, "Alert.Message"), T(locale, "Alert.Raised")],
            alerts.Select(a => (IReadOnlyList<string>)[Encode(a.Subject), Encode(a.Kind.ToString()), Encode(a.Message), Encode(a.RaisedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture))]), id);

    /// <summary>A SKU: its supply timeline with the units pegged to each source, the orders at risk, the replenishment suggestion and its open inventory alerts.</summary>
    public static string Sku(string locale, SupplyView supply, DateOnly today, IReadOnlyList<Reservation> reservations, ReplenishmentView? replenishment, IReadOnlyList<AlertView> alerts, SkuKpisView? kpis)
    {
        ArgumentNullException.ThrowIfNull(supply);
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(alerts);
        var rows = supply.Sequence.Select(s => (Label: SourceLabel(locale, s.Source), s.AvailableOn, Quantity: (long)s.Quantity, s.Reserved, s.PromiseDate, s.Source)).ToList();
        var body = new System.Text.StringBuilder();
        body.Append(Figures([
            ("on-hand", T(locale, "OnHand"), Number(supply.OnHand)),
            ("inbound", T(locale, "Inbound"), Number(supply.Inbound.Sum(l => (long)l.Quantity))),
            ("cap", T(locale, "Cap"), Number(supply.Cap)),
            ("reserved", T(locale, "Reserved"), Number(supply.Reserved)),
        ]));
        body.Append(Section("timeline", T(locale, "SkuPage.Timeline"),
            Paragraph(T(locale, "SkuPage.TimelineNote"), "note") +
            ConsoleCharts.Timeline("chart-timeline", T(locale, "SkuPage.Timeline"), today, [.. rows.Select(r => (r.Label, r.AvailableOn, r.Quantity, r.Reserved))]) +
            Table(T(locale, "SkuPage.Timeline"), [T(locale, "SkuPage.Source"), T(locale, "SkuPage.AvailableOn"), T(locale, "SkuPage.PromiseDate"), T(locale, "SkuPage.Quantity") + "#", T(locale, "Reserved") + "#"],
                rows.Select(r => (IReadOnlyList<string>)[
                    r.Source.SupplierId is { } supplier ? Link(SupplierPath(supplier), locale, r.Label) : Encode(r.Label),
                    Encode(Date(r.AvailableOn)), Encode(Date(r.PromiseDate)), Number(r.Quantity), Number(r.Reserved)]), "table-timeline")));

        var atRisk = reservations
            .Where(r => r.Demand?.Tracking is { Status: PromiseStatus.AtRisk } || (r.Demand?.Tracking?.Estimate is { } e && e > r.Promise.PromisedOn))
            .OrderBy(r => r.Promise.PromisedOn).ThenBy(r => r.OrderId, StringComparer.Ordinal).ToList();
        body.Append(Section("at-risk", T(locale, "SkuPage.AtRisk"), atRisk.Count == 0
            ? Paragraph(T(locale, "None"))
            : Table(T(locale, "SkuPage.AtRisk"), [T(locale, "SkuPage.Order"), T(locale, "SkuPage.Quantity") + "#", T(locale, "SkuPage.Promise"), T(locale, "SkuPage.Estimate"), T(locale, "Order.Source")],
                atRisk.Select(r => (IReadOnlyList<string>)[
                    Link(OrderPath(r.OrderId), locale, r.OrderId), Number(r.Quantity), Encode(Date(r.Promise.PromisedOn)), Encode(Date(r.Demand?.Tracking?.Estimate)),
                    string.Join(", ", r.Parts.Select(p => p.Source).Distinct().Select(s => SourceLink(locale, s)))]), "table-at-risk")));

        var suggestion = replenishment?.Suggestion;
        body.Append(Section("replenishment", T(locale, "SkuPage.Replenishment"),
            (suggestion is null
                ? Paragraph(T(locale, "SkuPage.NoSuggestion"))
                : "<p data-kpi=\"suggestion\">" + Encode(T(locale, "SkuPage.Suggest", ("quantity", Number(suggestion.Chosen.Quantity)), ("supplier", suggestion.Chosen.SupplierId), ("date", Date(suggestion.Chosen.OrderBy)))) + "</p>") +
            (replenishment is null ? string.Empty : Paragraph(T(locale, "SkuPage.Demand") + ": " + Decimal((decimal)replenishment.DemandPerDay), "note"))));
        body.Append(Section("sku-alerts", T(locale, "SkuPage.Alerts"), Alerts(locale, T(locale, "SkuPage.Alerts"), alerts, "table-sku-alerts")));
        if (kpis is not null)
        {
            body.Append(Section("kpis", T(locale, "SkuPage.Kpis"), Figures([
                ("units", T(locale, "Units"), Number(kpis.Units)),
                ("turnover", T(locale, "Kpi.Turnover"), Decimal(kpis.InventoryTurnover)),
                ("days-of-supply", T(locale, "Kpi.DaysOfSupply"), Decimal(kpis.DaysOfSupply)),
                ("return-rate", T(locale, "Kpi.ReturnRate"), Percent(kpis.ReturnRate)),
            ])));
        }

        return body.ToString();
    }

    /// <summary>Every supplier's scorecard as of the snapshot.</summary>
    public static string Suppliers(string locale, KpiStatus? status, IReadOnlyList<SupplierScorecardView> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var ordered = cards.OrderBy(c => c.SupplierId, StringComparer.Ordinal).ToList();
        return Computed(locale, status) +
            ConsoleCharts.Bars("chart-otif", T(locale, "Supplier.Otif"), [.. ordered.Select(c => (c.SupplierId, (IReadOnlyList<(decimal, string, string)>)[((decimal)(c.OnTimeInFull ?? 0) * 100m, ConsoleCharts.Good, T(locale, "Supplier.Otif"))]))], 100m) +
            Table(T(locale, "Suppliers.Title"), [T(locale, "Nav.Suppliers"), T(locale, "Supplier.Otif") + "#", T(locale, "Supplier.AverageSlip") + "#", T(locale, "Supplier.P50Slip") + "#", T(locale, "Supplier.P90Slip") + "#", T(locale, "Supplier.Grade"), T(locale, "Supplier.Lots") + "#"],
                ordered.Select(c => (IReadOnlyList<string>)[Link(SupplierPath(c.SupplierId), locale, c.SupplierId), Percent(c.OnTimeInFull), Decimal((decimal?)c.AverageSlipDays), Slip(c.P50SlipDays), Slip(c.P90SlipDays), Encode(c.Grade?.ToString() ?? "–"), Number(c.Lots)]), "table-suppliers");
    }

    private static string Slip(int? days) => days is { } d ? Number(d) : "–";

    /// <summary>A supplier: scorecard, lots with their ETA history and the customer dates riding on each.</summary>
    public static string Supplier(string locale, SupplierScorecardView card, IReadOnlyList<SupplierLotDemandView> lots)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(lots);
        var ordered = lots.OrderBy(l => l.Eta).ThenBy(l => l.LotId, StringComparer.Ordinal).ToList();
        return Figures([
                ("otif", T(locale, "Supplier.Otif"), Percent(card.OnTimeInFull)),
                ("average-slip", T(locale, "Supplier.AverageSlip"), Decimal((decimal?)card.AverageSlipDays)),
                ("p50-slip", T(locale, "Supplier.P50Slip"), Slip(card.P50SlipDays)),
                ("p90-slip", T(locale, "Supplier.P90Slip"), Slip(card.P90SlipDays)),
                ("grade", T(locale, "Supplier.Grade"), card.Grade?.ToString() ?? "–"),
            ]) +
            Section("lots", T(locale, "Supplier.Lots"),
                Paragraph(T(locale, "Supplier.HistoryNote"), "note") +
                ConsoleCharts.EtaHistory("chart-eta", T(locale, "Supplier.EtaHistory"), [.. ordered.Select(l => (l.LotId, (IReadOnlyList<DateOnly>)[.. l.EtaHistory.Select(h => h.Eta)]))]) +
                Table(T(locale, "Supplier.Lots"), [T(locale, "Supplier.Lot"), T(locale, "Status"), T(locale, "Supplier.FirstEta"), T(locale, "Supplier.Eta"), T(locale, "Supplier.EtaHistory"), T(locale, "Supplier.PeggedOrders") + "#", T(locale, "Units") + "#", T(locale, "Supplier.EarliestPromise")],
                    ordered.Select(l => (IReadOnlyList<string>)[
                        Encode(l.LotId), Encode(l.Status), Encode(Date(l.EtaHistory.Count > 0 ? l.EtaHistory[0].Eta : l.Eta)), Encode(Date(l.Eta)),
                        Encode(string.Join(" → ", l.EtaHistory.Select(h => Date(h.Eta)))), Number(l.PeggedOrders), Number(l.PeggedUnits), Encode(Date(l.EarliestPromiseDate))]), "table-lots"));
    }

    /// <summary>Promises and compensation: on-time rate by week, broken-promise rate, compensation and its share of revenue.</summary>
    public static string Promises(string locale, KpiStatus? status, IReadOnlyList<(DateOnly WeekOf, int Due, int Kept, decimal? Accuracy)> weekly, ShopKpisView? period)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        if (period is null)
        {
            return Computed(locale, status);
        }

        return Computed(locale, status) +
            Figures([
                ("promise-accuracy", T(locale, "Overview.Accuracy"), Percent(period.PromiseAccuracy)),
                ("broken-promise-rate", T(locale, "Promises.Broken"), Percent(period.BrokenPromiseRate)),
                ("compensation", T(locale, "Promises.Compensation"), Money(period.Compensation) + " " + period.Currency),
                ("compensation-share", T(locale, "Promises.Share"), Percent(period.CompensationShareOfRevenue)),
                ("revenue", T(locale, "Promises.Revenue"), Money(period.Revenue) + " " + period.Currency),
            ]) +
            Section("weekly", T(locale, "Promises.Weekly") + " · " + T(locale, "Promises.Period"),
                ConsoleCharts.Bars("chart-weekly", T(locale, "Promises.Weekly"), [.. weekly.Select(w => (Date(w.WeekOf), (IReadOnlyList<(decimal, string, string)>)[((w.Accuracy ?? 0m) * 100m, ConsoleCharts.Good, T(locale, "Accuracy"))]))], 100m) +
                Table(T(locale, "Promises.Weekly"), [T(locale, "Promises.Week"), T(locale, "Due") + "#", T(locale, "Kept") + "#", T(locale, "Accuracy") + "#"],
                    weekly.Select(w => (IReadOnlyList<string>)[Encode(Date(w.WeekOf)), Number(w.Due), Number(w.Kept), Percent(w.Accuracy)]), "table-weekly"));
    }

    /// <summary>Returns: pipeline by state, reasons, triage outcomes, restock rate.</summary>
    public static string Returns(string locale, KpiStatus? status, ShopKpisView? last30)
    {
        if (status is null || last30 is null)
        {
            return Computed(locale, status);
        }

        return Computed(locale, status) +
            Figures([("restock-rate", T(locale, "Returns.RestockRate"), Percent(Presale.Domain.Kpis.KpiRatio.Of(last30.UnitsRestocked, last30.UnitsReturned)))]) +
            Section("pipeline", T(locale, "Returns.Pipeline"),
                ConsoleCharts.Bars("chart-pipeline", T(locale, "Returns.Pipeline"), [.. status.ReturnsInFlight.Select(s => (s.Key, (IReadOnlyList<(decimal, string, string)>)[(s.Value, ConsoleCharts.Main, T(locale, "Count"))]))]) +
                CountTable(locale, T(locale, "Returns.Pipeline"), T(locale, "Status"), status.ReturnsInFlight, "table-pipeline")) +
            Section("reasons", T(locale, "Returns.Reasons"),
                Table(T(locale, "Returns.Reasons"), [T(locale, "Returns.Reason"), T(locale, "Units") + "#", "%#"],
                    last30.ReturnsByReason.OrderByDescending(r => r.Value.Units).Select(r => (IReadOnlyList<string>)[Encode(r.Key), Number(r.Value.Units), Percent(r.Value.Rate)]), "table-reasons")) +
            Section("outcomes", T(locale, "Returns.Outcomes"), CountTable(locale, T(locale, "Returns.Outcomes"), T(locale, "Returns.Outcome"), status.TriageOutcomes, "table-outcomes"));
    }

    /// <summary>An order: its lines with promise, tracking and the supply each was promised from (links to SKU and supplier).</summary>
    public static string Order(string locale, OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Figures([
                ("status", T(locale, "Status"), order.Status.ToString()),
                ("customer", T(locale, "Order.Customer"), order.CustomerId),
                ("placed", T(locale, "Order.Placed"), order.PlacedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)),
            ]) +
            Table(T(locale, "Order.Lines"), [T(locale, "Sku"), T(locale, "Units") + "#", T(locale, "SkuPage.Promise"), T(locale, "Status"), T(locale, "SkuPage.Estimate"), T(locale, "Order.Source")],
                order.Lines.Select(l => (IReadOnlyList<string>)[
                    Link(SkuPath(l.Sku), locale, l.Sku), Number(l.Quantity), Encode(Date(l.PromiseDate)), Encode(l.Tracking?.Status.ToString() ?? "–"), Encode(Date(l.Tracking?.Estimate)),
                    l.Source is { } s ? SourceLink(locale, new SupplySourceLabel(s.Kind, s.SupplierId, s.LotId)) : "–"]), "table-lines");
    }

    private static string Computed(string locale, KpiStatus? status) => status is null
        ? Paragraph(T(locale, "NotComputed"), "note")
        : Paragraph(T(locale, "ComputedAt", ("at", status.ComputedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)), ("today", Date(status.Today))), "note");

    private static string CountTable(string locale, string caption, string label, IReadOnlyDictionary<string, int> counts, string id) => counts.Count == 0
        ? Paragraph(T(locale, "None"))
        : Table(caption, [label, T(locale, "Count") + "#"], counts.Select(c => (IReadOnlyList<string>)[Encode(c.Key), Number(c.Value)]), id);

    private static string SourceLabel(string locale, SupplySourceView source) => SourceLabel(locale, new SupplySourceLabel(source.Kind, source.SupplierId, source.LotId));

    private static string SourceLabel(string locale, SupplySourceLabel source) => source.Kind switch
    {
        SupplyKind.OnHand => T(locale, "Source.onHand"),
        SupplyKind.Cap => T(locale, "Source.cap"),
        _ => T(locale, "Source.lot", ("lot", source.LotId ?? string.Empty), ("supplier", source.SupplierId ?? string.Empty)),
    };

    private static string SourceLink(string locale, Presale.Domain.Supply.SupplySource source) => SourceLink(locale, new SupplySourceLabel(source.Kind, source.SupplierId, source.LotId));

    private static string SourceLink(string locale, SupplySourceLabel source) => source.SupplierId is { } supplier
        ? Link(SupplierPath(supplier), locale, SourceLabel(locale, source))
        : Encode(SourceLabel(locale, source));

    private sealed record SupplySourceLabel(SupplyKind Kind, string? SupplierId, string? LotId);
}
