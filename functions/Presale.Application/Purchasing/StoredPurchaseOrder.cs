using Presale.Application.Storage;
using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>A purchase order as read, with the version to write it back under and the hash of the request that created it.</summary>
/// <param name="Order">The order.</param>
/// <param name="ETag">Its row's version.</param>
/// <param name="RequestHash">The fingerprint of the create request (a retry with another body is a conflict).</param>
/// <param name="AcknowledgementDueRow">The row key of its unacknowledged-alert index row.</param>
public sealed record StoredPurchaseOrder(PurchaseOrder Order, ETag ETag, string RequestHash, string AcknowledgementDueRow);
