namespace Presale.Domain.Purchasing;

/// <summary>When the shop pays a supplier: net <paramref name="NetDays"/> days from receipt or from invoice.</summary>
/// <param name="NetDays">Days to pay (0–365).</param>
/// <param name="Basis">What the days count from.</param>
public sealed record PaymentTerms(int NetDays, PaymentTermsBasis Basis)
{
    /// <summary>The most net days accepted.</summary>
    public const int MaxNetDays = 365;

    /// <summary>
    /// The due date of a statement issued on <paramref name="issuedOn"/> whose paid goods were delivered from
    /// <paramref name="earliestDelivery"/> (null: no goods paid): from the invoice, the issue date plus the net days; from
    /// receipt, the earliest delivery plus the net days, but never before the issue date (paying the whole statement on
    /// that day pays no delivery after its own due date).
    /// </summary>
    public DateOnly DueDate(DateOnly issuedOn, DateOnly? earliestDelivery) => Basis switch
    {
        PaymentTermsBasis.Invoice => issuedOn.AddDays(NetDays),
        _ when earliestDelivery is { } delivered && delivered.AddDays(NetDays) > issuedOn => delivered.AddDays(NetDays),
        _ => issuedOn,
    };
}
