namespace Presale.Domain.Purchasing;

/// <summary>What the net days of payment terms count from.</summary>
public enum PaymentTermsBasis
{
    /// <summary>From the goods' receipt: a statement is due its earliest paid delivery's date plus the net days (never before it is issued).</summary>
    Receipt = 0,

    /// <summary>From the invoice: a statement is due its issue date (the day after its period) plus the net days.</summary>
    Invoice = 1,
}
