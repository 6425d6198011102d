using Presale.Domain.Common;
using Presale.Domain.Returns.Eligibility;
using Presale.Domain.Returns.Refunds;
using Presale.Domain.Returns.Triage;

namespace Presale.Domain.Returns;

/// <summary>
/// The full state of a <see cref="ReturnRequest"/>, for storage: <see cref="ReturnRequest.ToSnapshot"/> writes it and
/// <see cref="ReturnRequest.Restore"/> reads it back. Property meanings are those of <see cref="ReturnRequest"/>.
/// </summary>
public sealed record ReturnRequestSnapshot(
    string Id,
    string OrderId,
    string CustomerId,
    string Currency,
    DateTimeOffset RequestedAt,
    DateOnly RequestedOn,
    EligibilityResult Eligibility,
    IReadOnlyList<ReturnLine> Lines,
    Money? ReturnShippingCost,
    IReadOnlyList<Uri> PhotoUrls,
    ReturnStatus Status,
    string? TrackingReference,
    Refund? Refund,
    IReadOnlyList<ReturnUnit> Units,
    IReadOnlyList<ReturnTimelineEntry> Timeline,
    IReadOnlyList<SupplierClaim> SupplierClaims);
