using System.Globalization;
using Presale.Application.Common;
using Presale.Application.Storage;
using Presale.Domain.Common;
using Presale.Domain.Payments;

namespace Presale.Application.Payments;

/// <summary>
/// Keeps the units sold per early-bird tier of each SKU, so a tier of N units sells N even when checkouts run in
/// parallel: one counter row per SKU, updated under its ETag together with a claim row for the order line in one
/// transaction (a conflicting writer reads again and decides again). The claim makes taking idempotent per order line
/// (a resumed placement gets its first price back) and lets a rejected or cancelled line give its units back once.
/// </summary>
public sealed class EarlyBirdCounter(ITableStore store, PaymentsOptions options, RandomSource random)
{
    private const string CounterRow = "counter";
    private const string TierProperty = "Tier";
    private const string QuantityProperty = "Quantity";
    private const string UnitPriceProperty = "UnitPrice";
    private readonly TableBootstrap _tables = new(store, [options.PaymentsTable]);

    /// <summary>
    /// The price of line <paramref name="lineNumber"/> of <paramref name="orderId"/> (<paramref name="quantity"/> units
    /// of <paramref name="sku"/> at <paramref name="at"/>), its tier's units counted when it gets one; the same line
    /// again gets the same answer.
    /// </summary>
    public async Task<PriceDecision> TakeAsync(Sku sku, EarlyBirdPricing pricing, string orderId, int lineNumber, int quantity, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pricing);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = Partition(sku);
        var claimRow = ClaimRow(orderId, lineNumber);
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            if (await store.GetAsync(options.PaymentsTable, partition, claimRow, cancellationToken).ConfigureAwait(false) is { } claimed)
            {
                return new PriceDecision(claimed.GetDecimal(UnitPriceProperty)!.Value, claimed.GetInt32(TierProperty));
            }

            var counter = await store.GetAsync(options.PaymentsTable, partition, CounterRow, cancellationToken).ConfigureAwait(false);
            var sold = Sold(counter, pricing.Tiers.Count);
            var decision = pricing.Decide(at, sold, quantity);
            if (decision.Tier is not { } tier)
            {
                return decision;
            }

            sold[tier] += quantity;
            var claim = new TableEntity(partition, claimRow)
                .With(TierProperty, tier)
                .With(QuantityProperty, quantity)
                .With(UnitPriceProperty, decision.UnitPrice);
            if (await store.SubmitTransactionAsync(options.PaymentsTable, [CounterWrite(partition, counter, sold), TableOperation.Insert(claim)], cancellationToken).ConfigureAwait(false) is { Succeeded: true })
            {
                return decision;
            }
        }
    }

    /// <summary>
    /// Gives back the early-bird units line <paramref name="lineNumber"/> of <paramref name="orderId"/> took (its order
    /// was rejected or the line cancelled before it shipped), once; nothing when it took none.
    /// </summary>
    public async Task GiveBackAsync(Sku sku, string orderId, int lineNumber, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = Partition(sku);
        var claimRow = ClaimRow(orderId, lineNumber);
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            if (await store.GetAsync(options.PaymentsTable, partition, claimRow, cancellationToken).ConfigureAwait(false) is not { } claim)
            {
                return;
            }

            var counter = await store.GetAsync(options.PaymentsTable, partition, CounterRow, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"SKU {sku} has an early-bird claim for order {orderId} but no counter.");
            var tier = claim.GetInt32(TierProperty)!.Value;
            var sold = Sold(counter, tier + 1);
            sold[tier] = Math.Max(0, sold[tier] - claim.GetInt32(QuantityProperty)!.Value);
            if (await store.SubmitTransactionAsync(options.PaymentsTable, [CounterWrite(partition, counter, sold), TableOperation.Delete(partition, claimRow, claim.ETag)], cancellationToken).ConfigureAwait(false) is { Succeeded: true })
            {
                return;
            }
        }
    }

    /// <summary>The units sold so far at each tier of <paramref name="sku"/> (as many entries as <paramref name="tiers"/>).</summary>
    public async Task<IReadOnlyList<int>> SoldAsync(Sku sku, int tiers, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return Sold(await store.GetAsync(options.PaymentsTable, Partition(sku), CounterRow, cancellationToken).ConfigureAwait(false), tiers);
    }

    private static int[] Sold(TableEntity? counter, int tiers)
    {
        var sold = new int[tiers];
        for (var i = 0; i < tiers; i++)
        {
            sold[i] = counter?.GetInt32(TierProperty + i.ToString(CultureInfo.InvariantCulture)) ?? 0;
        }

        return sold;
    }

    private static TableOperation CounterWrite(string partition, TableEntity? counter, int[] sold)
    {
        var entity = counter ?? new TableEntity(partition, CounterRow);
        for (var i = 0; i < sold.Length; i++)
        {
            entity = entity.With(TierProperty + i.ToString(CultureInfo.InvariantCulture), sold[i]);
        }

        return counter is null ? TableOperation.Insert(entity) : TableOperation.Replace(entity, counter.ETag);
    }

    private static string Partition(Sku sku) => "earlybird-" + sku.Value;

    private static string ClaimRow(string orderId, int lineNumber) => string.Create(CultureInfo.InvariantCulture, $"claim-{orderId}-{lineNumber}");
}
