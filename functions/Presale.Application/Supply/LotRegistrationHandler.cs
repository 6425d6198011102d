using FluentValidation;
using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Domain.Common;
using Presale.Domain.Supply;

namespace Presale.Application.Supply;

/// <summary>
/// Registers a supplier's inbound lot: the lot record first (status <c>registering</c>), then each line into its SKU's
/// ledger (idempotent: a SKU that already holds the lot line is skipped), then the lot is marked <c>open</c>. Posting
/// the same lot again resumes a registration that stopped half-way; a different lot under the same id is refused.
/// </summary>
public sealed class LotRegistrationHandler(ITableStore store, OrdersOptions options, SupplyStore supply, ShopSettingsStore shops, IValidator<RegisterLotRequest> validator, RandomSource random, TimeProvider timeProvider)
{
    private readonly TableBootstrap _tables = new(store, [options.LotsTable]);

    /// <summary>Registers (or resumes registering) the lot.</summary>
    public Task<LotRegistrationResult> RegisterAsync(string supplierId, RegisterLotRequest request, CancellationToken cancellationToken) =>
        RegisterAsync(supplierId, request, allowPastEta: false, cancellationToken);

    /// <summary>
    /// Registers (or resumes registering) the lot; with <paramref name="allowPastEta"/> an ETA before today is kept (a
    /// purchase-order line's lot is registered with the ETA its supplier gave, however late that registration runs; the
    /// overdue-lot sweep then estimates a new one).
    /// </summary>
    internal async Task<LotRegistrationResult> RegisterAsync(string supplierId, RegisterLotRequest request, bool allowPastEta, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Identifier.Validate(supplierId, "A supplier id") is { } supplierError)
        {
            return new LotRegistrationResult.Invalid(FieldErrors.Single("supplierId", supplierError));
        }

        var validation = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return new LotRegistrationResult.Invalid(FieldErrors.From(validation));
        }

        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
        if (shop is null)
        {
            return new LotRegistrationResult.ShopNotConfigured();
        }

        var now = timeProvider.GetUtcNow();
        var eta = request.Eta!.Value;
        if (!allowPastEta && eta < shop.LocalDate(now))
        {
            return new LotRegistrationResult.Invalid(FieldErrors.Single("eta", $"The ETA {eta:yyyy-MM-dd} is before today ({shop.LocalDate(now):yyyy-MM-dd}) in the shop's time zone."));
        }

        var lines = request.Lines!.Select(l => (Sku: Sku.From(l.Sku!), Quantity: l.Quantity!.Value)).ToList();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (await supply.LoadAsync(lines[i].Sku, cancellationToken).ConfigureAwait(false) is null)
            {
                errors[$"lines[{i}].sku"] = [$"SKU {lines[i].Sku} is not known; configure it with PUT /api/skus/{lines[i].Sku} first."];
            }
        }

        if (errors.Count > 0)
        {
            return new LotRegistrationResult.Invalid(errors);
        }

        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var hash = RequestHash.Of("lot:" + supplierId, request);
        var lot = new LotView(
            supplierId,
            request.LotId!,
            request.PurchaseOrderReference!,
            eta,
            LotRows.Registering,
            [.. lines.Select(l => new LotLineView(l.Sku.Value, l.Quantity, 0, 0))],
            [new EtaChangeView(eta, now, "registered")],
            now);
        var created = true;
        var inserted = await store.InsertAsync(options.LotsTable, LotRows.Entity(lot, hash), cancellationToken).ConfigureAwait(false);
        var etag = inserted.ETag;
        if (inserted.Status == WriteStatus.AlreadyExists)
        {
            var existing = await store.GetAsync(options.LotsTable, supplierId, request.LotId!, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Lot {supplierId}/{request.LotId} vanished while being registered.");
            if (existing.GetString("RequestHash") != hash)
            {
                return new LotRegistrationResult.Conflict();
            }

            lot = LotRows.Read(existing);
            etag = existing.ETag;
            created = false;
            if (lot.Status == LotRows.Open)
            {
                return new LotRegistrationResult.Registered(lot, Created: false);
            }
        }
        else if (!inserted.Succeeded)
        {
            throw new InvalidOperationException($"Registering lot {supplierId}/{request.LotId} failed with {inserted.Status}.");
        }

        foreach (var line in lines)
        {
            await AddToLedgerAsync(line.Sku, new InboundLot(supplierId, lot.LotId, lot.PurchaseOrderReference, line.Quantity, lot.Eta), cancellationToken).ConfigureAwait(false);
        }

        var open = lot with { Status = LotRows.Open };
        // Opened together with its row in the ETA index, where the overdue-lot sweep finds it once the ETA passes.
        var marked = await store.SubmitTransactionAsync(
            options.LotsTable,
            [TableOperation.Merge(new TableEntity(supplierId, lot.LotId).With("Status", LotRows.Open), etag), Suppliers.LotEtaIndex.Upsert(supplierId, lot.LotId, lot.Eta)],
            cancellationToken).ConfigureAwait(false);
        if (!marked.Succeeded && marked.FailureStatus != WriteStatus.PreconditionFailed)
        {
            throw new InvalidOperationException($"Opening lot {supplierId}/{lot.LotId} failed with {marked.FailureStatus}.");
        }

        return new LotRegistrationResult.Registered(open, created);
    }

    /// <summary>The lot, or null.</summary>
    public async Task<LotView?> GetAsync(string supplierId, string lotId, CancellationToken cancellationToken)
    {
        if (Identifier.Validate(supplierId, "supplier") is not null || Identifier.Validate(lotId, "lot") is not null)
        {
            return null;
        }

        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = await store.GetAsync(options.LotsTable, supplierId, lotId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : LotRows.Read(entity);
    }

    private async Task AddToLedgerAsync(Sku sku, InboundLot lot, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var state = await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"SKU {sku} vanished while lot {lot.Source} was being registered.");
            var (ledger, outcome) = state.Ledger.AddLot(lot);
            switch (outcome)
            {
                case LotAddition.AlreadyPresent:
                    return;
                case LotAddition.Conflict:
                    throw new InvalidOperationException($"SKU {sku} already holds a different line for lot {lot.Source}.");
            }

            if (await supply.CommitAsync(state, ledger, [], cancellationToken).ConfigureAwait(false) is LedgerWrite.CommittedWrite)
            {
                return;
            }
        }
    }
}
