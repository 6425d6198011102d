namespace Presale.Domain.Purchasing;

/// <summary>A refusal concerning one line of an acknowledgement (or, with no line, the whole of it).</summary>
/// <param name="Code">The machine-readable reason.</param>
/// <param name="LineNumber">The line concerned; null for the whole acknowledgement.</param>
/// <param name="Message">The explanation.</param>
public sealed record PurchaseOrderError(PurchaseOrderErrorCode Code, int? LineNumber, string Message);
