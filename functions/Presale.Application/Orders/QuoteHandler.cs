using FluentValidation;
using Presale.Application.Common;
using Presale.Application.Shop;
using Presale.Application.Supply;
using Presale.Domain.Common;

namespace Presale.Application.Orders;

/// <summary>
/// Quotes a basket: per line, the promise an order placed now would get (the same earliest-supply-first rule that
/// reservations follow, lots at their suppliers' buffered dates), its source and the units available. One read per
/// SKU; nothing is written.
/// </summary>
public sealed class QuoteHandler(SupplyStore supply, ShopSettingsStore shops, IValidator<QuoteRequest> validator, TimeProvider timeProvider, Reconciliation.SupplierPromiseBuffers? buffers = null)
{
    private readonly SupplierSlips _slips = new(buffers);

    /// <summary>Quotes <paramref name="request"/>.</summary>
    public async Task<QuoteResult> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return new QuoteResult.Invalid(FieldErrors.From(validation));
        }

        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
        if (shop is null)
        {
            return new QuoteResult.ShopNotConfigured();
        }

        var lines = request.Lines!;
        var states = await Task.WhenAll(lines.Select(l => supply.LoadAsync(Sku.From(l.Sku!), cancellationToken))).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            Orderability.Check(i, lines[i].Sku!, lines[i].Quantity!.Value, states[i], now, errors);
        }

        if (errors.Count > 0)
        {
            return new QuoteResult.Invalid(errors);
        }

        var quoted = new List<QuoteLineView>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var slips = await _slips.ForAsync(states[i]!.Ledger, cancellationToken).ConfigureAwait(false);
            var availability = Orderability.Availability(i + 1, l.Sku!, l.Quantity!.Value, states[i]!, shop, now, slips);
            var buffer = availability.Source is { Kind: Domain.Supply.SupplyKind.Lot, SupplierId: { } supplier } ? slips.GetValueOrDefault(supplier) : null;
            quoted.Add(new QuoteLineView(i + 1, l.Sku!, l.Quantity.Value, availability.Sufficient, availability.EarliestPromiseDate, availability.Source, availability.Available, buffer is null ? null : new PromiseBufferView(buffer.Days, buffer.Explanation)));
        }
        return new QuoteResult.Quoted(new QuoteView(shop.LocalDate(now), quoted));
    }
}
