namespace Presale.Application.Supply;

/// <summary>One entry of a lot's ETA history.</summary>
/// <param name="Eta">The ETA from this point on.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Reason">Why (e.g. <c>registered</c>, a supplier event id).</param>
/// <param name="SystemEstimated">True when Presale estimated this ETA itself because the previous one passed without
/// full receipt or word from the supplier (the overdue-lot sweep); null for the supplier's own dates.</param>
public sealed record EtaChangeView(DateOnly Eta, DateTimeOffset RecordedAt, string Reason, bool? SystemEstimated = null);
