namespace Presale.Application.Supply;

/// <summary>One line of an inbound lot.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units expected (1–1,000,000).</param>
public sealed record LotLineRequest(string? Sku, int? Quantity);
