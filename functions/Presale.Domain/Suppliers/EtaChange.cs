namespace Presale.Domain.Suppliers;

/// <summary>One ETA change of a lot: an update the supplier sent, or a date Presale estimated when the supplier let the ETA pass silently.</summary>
/// <param name="ChangedAt">When it was recorded.</param>
/// <param name="NewEta">The new ETA (shop-local date).</param>
/// <param name="SystemEstimated">True when Presale estimated it because the previous ETA passed without full receipt or word from the supplier.</param>
public sealed record EtaChange(DateTimeOffset ChangedAt, DateOnly NewEta, bool SystemEstimated = false);
