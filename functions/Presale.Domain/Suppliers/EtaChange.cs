namespace Presale.Domain.Suppliers;

/// <summary>One ETA update a supplier sent for a lot.</summary>
/// <param name="ChangedAt">When the supplier sent it (the supplier timestamp of the applied event).</param>
/// <param name="NewEta">The ETA it announced (shop-local date).</param>
public sealed record EtaChange(DateTimeOffset ChangedAt, DateOnly NewEta);
