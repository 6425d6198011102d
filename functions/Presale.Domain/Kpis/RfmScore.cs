namespace Presale.Domain.Kpis;

/// <summary>A customer's RFM scores, each a quintile 1 (lowest fifth of the shop's customers) to 5 (highest), and their segment.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Recency">5 for the most recent buyers.</param>
/// <param name="Frequency">5 for the most frequent buyers.</param>
/// <param name="Monetary">5 for the biggest spenders.</param>
/// <param name="Segment">The group recency and frequency put them in.</param>
public sealed record RfmScore(string CustomerId, int Recency, int Frequency, int Monetary, RfmSegment Segment);
