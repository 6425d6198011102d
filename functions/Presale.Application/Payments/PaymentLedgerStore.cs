using System.Text.Json;
using Presale.Application.Common;
using Presale.Application.Storage;
using Presale.Domain.Common;
using Presale.Domain.Payments;

namespace Presale.Application.Payments;

/// <summary>
/// Each order's payment ledger: one row per order in the payments table (partition <c>order-{orderId}</c>), its
/// outcomes and refunds as JSON, written under its ETag so two outcomes posted at once for one order never both
/// decide against the same state (the loser reads again and decides again).
/// </summary>
public sealed class PaymentLedgerStore(ITableStore store, PaymentsOptions options)
{
    /// <summary>The most outcomes one order's ledger keeps (a row holds them as one JSON property of at most 64 KiB).</summary>
    public const int MaxOutcomes = 100;

    private const string LedgerRow = "ledger";
    private readonly TableBootstrap _tables = new(store, [options.PaymentsTable]);

    /// <summary>The ledger of <paramref name="orderId"/> (in <paramref name="currency"/>); empty when nothing was recorded yet.</summary>
    public async Task<StoredPaymentLedger> GetAsync(string orderId, string currency, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await store.GetAsync(options.PaymentsTable, Partition(orderId), LedgerRow, cancellationToken).ConfigureAwait(false) is not { } row)
        {
            return new StoredPaymentLedger(orderId, new PaymentLedger(currency), null);
        }

        var stored = row.GetString("Currency")!;
        var outcomes = JsonSerializer.Deserialize<List<OutcomeDocument>>(row.GetString("Outcomes") ?? "[]", PresaleJson.Options) ?? [];
        var refunds = JsonSerializer.Deserialize<List<RefundDocument>>(row.GetString("Refunds") ?? "[]", PresaleJson.Options) ?? [];
        var ledger = new PaymentLedger(
            stored,
            outcomes.Select(o => new PaymentOutcome(o.PaymentId, o.InstalmentId, o.Kind, new Money(o.Amount, stored), o.ReasonCode, o.At, o.AuthorisationExpiresAt)),
            refunds.Select(r => new PaymentRefund(r.RefundId, new Money(r.Amount, stored), r.At)));
        return new StoredPaymentLedger(orderId, ledger, row.ETag);
    }

    /// <summary>
    /// Writes <paramref name="ledger"/> over <paramref name="read"/> if the row has not changed since it was read;
    /// false when another writer came first (read again and decide again).
    /// </summary>
    public async Task<bool> TryWriteAsync(StoredPaymentLedger read, PaymentLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(ledger);
        var entity = new TableEntity(Partition(read.OrderId), LedgerRow)
            .With("Currency", ledger.Currency)
            .With("Outcomes", JsonSerializer.Serialize(
                ledger.Outcomes.Select(o => new OutcomeDocument(o.PaymentId, o.InstalmentId, o.Kind, o.Amount.Amount, o.ReasonCode, o.At, o.AuthorisationExpiresAt)),
                PresaleJson.Options))
            .With("Refunds", JsonSerializer.Serialize(ledger.Refunds.Select(r => new RefundDocument(r.RefundId, r.Amount.Amount, r.At)), PresaleJson.Options));
        var result = read.ETag is { } etag
            ? await store.ReplaceAsync(options.PaymentsTable, entity, etag, cancellationToken).ConfigureAwait(false)
            : await store.InsertAsync(options.PaymentsTable, entity, cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    private static string Partition(string orderId) => "order-" + orderId;

    private sealed record OutcomeDocument(string PaymentId, string InstalmentId, PaymentOutcomeKind Kind, decimal Amount, string? ReasonCode, DateTimeOffset At, DateTimeOffset? AuthorisationExpiresAt);

    private sealed record RefundDocument(string RefundId, decimal Amount, DateTimeOffset At);
}
