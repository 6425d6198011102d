using Presale.Application.Storage;
using Presale.Domain.Returns;

namespace Presale.Application.Returns;

/// <summary>A return as stored: the aggregate, its row version and what the row says about its index entries.</summary>
/// <param name="Request">The return.</param>
/// <param name="ETag">The row's version; every change is conditioned on it.</param>
/// <param name="Partition">The return's partition.</param>
/// <param name="RequestHash">Fingerprint of the intake request (idempotency).</param>
/// <param name="InTriageIndex">True while the "awaiting triage" index row exists.</param>
/// <param name="InReviewIndex">True while the review queue row exists.</param>
public sealed record StoredReturn(ReturnRequest Request, ETag ETag, string Partition, string RequestHash, bool InTriageIndex, bool InReviewIndex);
