namespace Presale.Domain.Kpis;

/// <summary>What RFM segmentation needs of one customer: when they last ordered, how often, for how much.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="LastOrderOn">The shop-local day of their latest order.</param>
/// <param name="Orders">Orders placed (confirmed, including those since shipped or cancelled after shipping).</param>
/// <param name="Monetary">What those orders were worth, in the shop's currency.</param>
public sealed record RfmCustomer(string CustomerId, DateOnly LastOrderOn, int Orders, decimal Monetary);
