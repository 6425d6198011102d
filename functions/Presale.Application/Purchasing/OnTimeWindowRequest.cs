using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>The on-time window in a <see cref="SupplierTermsRequest"/>.</summary>
/// <param name="DaysEarly">Days before the reference still on time (0–365).</param>
/// <param name="DaysLate">Days after the reference still on time (0–365).</param>
/// <param name="Reference"><c>requestedDate</c> or <c>firstAcknowledgedDate</c>.</param>
public sealed record OnTimeWindowRequest(int? DaysEarly, int? DaysLate, OnTimeReference? Reference);
