using Presale.Application.Storage;
using Presale.Domain.Payments;

namespace Presale.Application.Payments;

/// <summary>An order's payment ledger as stored, with its row version (null while the order has none stored).</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Ledger">Its outcomes and refunds.</param>
/// <param name="ETag">The row's version; null before the first outcome is written.</param>
public sealed record StoredPaymentLedger(string OrderId, PaymentLedger Ledger, ETag? ETag);
