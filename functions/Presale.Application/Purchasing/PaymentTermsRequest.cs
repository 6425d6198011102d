using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>Payment terms in a <see cref="SupplierTermsRequest"/>: net days from receipt or invoice.</summary>
/// <param name="NetDays">Days to pay (0–365).</param>
/// <param name="Basis"><c>receipt</c> or <c>invoice</c>.</param>
public sealed record PaymentTermsRequest(int? NetDays, PaymentTermsBasis? Basis);
