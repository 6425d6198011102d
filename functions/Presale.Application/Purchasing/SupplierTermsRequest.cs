namespace Presale.Application.Purchasing;

/// <summary>
/// A supplier's terms (<c>PUT /api/suppliers/{supplierId}/terms</c>): currency, payment terms, on-time window,
/// chargeback rates, rebate schedule and catalogue. Stored as sent once valid, so reading them back returns the same.
/// </summary>
/// <param name="Currency">ISO 4217 currency of purchase orders and statements (the shop's currency).</param>
/// <param name="PaymentTerms">Net days from receipt or invoice.</param>
/// <param name="OnTimeWindow">Which deliveries are on time.</param>
/// <param name="Chargebacks">Chargeback rates.</param>
/// <param name="Rebates">Optional rebate schedule.</param>
/// <param name="Catalogue">Optional catalogue of SKUs with unit costs (at most 500).</param>
public sealed record SupplierTermsRequest(
    string? Currency,
    PaymentTermsRequest? PaymentTerms,
    OnTimeWindowRequest? OnTimeWindow,
    ChargebackRatesRequest? Chargebacks,
    RebateScheduleRequest? Rebates,
    IReadOnlyList<CatalogueItemRequest>? Catalogue);
