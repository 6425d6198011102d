namespace Presale.Application.IntegrationEvents;

/// <summary>
/// The data of <c>supplier-statement.closed</c> (schema <c>docs/events/supplier-statement.closed.v1.schema.json</c>):
/// the figures a payment run needs; the statement itself (items, lines, JSON or CSV) is
/// <c>GET /api/suppliers/{supplierId}/statements/{period}</c>, the same bytes however often it is read.
/// </summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Period">The period (<c>2026-03</c>, <c>2026-W10</c>).</param>
/// <param name="PeriodStart">Its first day (shop-local).</param>
/// <param name="PeriodEnd">Its last day.</param>
/// <param name="IssuedOn">The day after the period.</param>
/// <param name="DueDate">When the payable is due under the payment terms.</param>
/// <param name="Goods">Received units × unit cost settled on this statement.</param>
/// <param name="Chargebacks">On-time-in-full chargebacks (zero or negative).</param>
/// <param name="ReturnCredits">Return-to-vendor credits (zero or negative).</param>
/// <param name="Rebates">Grade and volume rebates.</param>
/// <param name="Payable">What the shop pays: the sum of the above.</param>
/// <param name="Items">How many items the statement holds.</param>
public sealed record SupplierStatementClosedData(
    string SupplierId,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly IssuedOn,
    DateOnly DueDate,
    EventMoney Goods,
    EventMoney Chargebacks,
    EventMoney ReturnCredits,
    EventMoney Rebates,
    EventMoney Payable,
    int Items);
