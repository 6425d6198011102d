using FluentValidation;
using Presale.Application.Common;
using Presale.Application.IntegrationEvents;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Domain.Common;
using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>
/// Creates a purchase order (<c>POST /api/purchase-orders</c>), by hand or from a replenishment suggestion: the
/// supplier's terms give the currency, the on-time window and the chargeback rates the order keeps; a line without a
/// unit cost takes the supplier's catalogue cost; a line without a requested date gets the date its customers'
/// promises need (<see cref="RequestedDates"/>). One transaction in the supplier's partition writes the order, its
/// active and acknowledgement-due index rows and its <c>purchase-order.created</c> event. Idempotent by id.
/// </summary>
public sealed class CreatePurchaseOrderHandler(
    PurchaseOrderStore orders,
    SupplierTermsStore terms,
    ShopSettingsStore shops,
    RequestedDates requestedDates,
    OutboxEventPublisher events,
    PurchasingOptions options,
    IValidator<CreatePurchaseOrderRequest> validator,
    TimeProvider timeProvider)
{
    /// <summary>Creates the order, or answers with the one already created under its id.</summary>
    public async Task<CreatePurchaseOrderResult> CreateAsync(CreatePurchaseOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return new CreatePurchaseOrderResult.Invalid(FieldErrors.From(validation));
        }

        if (await shops.GetAsync(cancellationToken).ConfigureAwait(false) is not { } shop)
        {
            return new CreatePurchaseOrderResult.ShopNotConfigured();
        }

        var supplierId = request.SupplierId!;
        var id = PurchaseOrderId.From(request.PurchaseOrderId!);
        var hash = RequestHash.Of("purchase-order:" + supplierId, request);
        if (await orders.GetAsync(supplierId, id.Value, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return Replay(existing, hash);
        }

        if (await terms.GetAsync(supplierId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return new CreatePurchaseOrderResult.NoTerms(supplierId);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Currency is { } currency && !string.Equals(currency, stored.Terms.Currency, StringComparison.OrdinalIgnoreCase))
        {
            errors["currency"] = [$"Supplier {supplierId}'s terms are in {stored.Terms.Currency}."];
        }

        var now = timeProvider.GetUtcNow();
        var today = shop.LocalDate(now);
        if (request.RequestedDeliveryDate is { } requested && requested < today)
        {
            errors["requestedDeliveryDate"] = [$"The requested delivery date {requested:yyyy-MM-dd} is before today ({today:yyyy-MM-dd})."];
        }

        var skus = request.Lines!.Select(l => Sku.From(l!.Sku!)).ToList();
        var costs = new List<Money>();
        for (var i = 0; i < skus.Count; i++)
        {
            var cost = request.Lines![i]!.UnitCost ?? stored.Terms.Offer(skus[i])?.UnitCost.Amount;
            if (cost is null)
            {
                errors[$"lines[{i}].unitCost"] = [$"No unit cost given, and supplier {supplierId}'s catalogue has none for {skus[i]}."];
            }

            costs.Add(new Money(cost ?? 0m, stored.Terms.Currency));
        }

        if (errors.Count > 0)
        {
            return new CreatePurchaseOrderResult.Invalid(errors);
        }

        var dates = await requestedDates.ForAsync(supplierId, skus, request.RequestedDeliveryDate, shop, today, cancellationToken).ConfigureAwait(false);
        var unknown = skus.Select((s, i) => (s, i)).Where(x => !dates.ContainsKey(x.s)).ToList();
        if (unknown.Count > 0)
        {
            return new CreatePurchaseOrderResult.Invalid(unknown.ToDictionary(x => $"lines[{x.i}].sku", x => new[] { $"SKU {x.s} is not known; configure it with PUT /api/skus/{x.s} first." }, StringComparer.Ordinal));
        }

        var order = PurchaseOrder.Create(
            id,
            supplierId,
            stored.Terms.Currency,
            [.. skus.Select((s, i) => new NewPurchaseOrderLine(s, request.Lines![i]!.Quantity!.Value, costs[i], dates[s]))],
            stored.Terms.ForPurchaseOrder(),
            request.SuggestionId is { } suggestion ? new PurchaseOrderSource(PurchaseOrderOrigin.Suggestion, suggestion) : PurchaseOrderSource.Manual,
            request.Note,
            today,
            now);
        var created = events.Message(() => PurchasingEvents.Created(order, now));
        if (await orders.InsertAsync(order, hash, now + options.AcknowledgementDeadline, created, cancellationToken).ConfigureAwait(false) == WriteStatus.AlreadyExists)
        {
            return Replay((await orders.GetAsync(supplierId, id.Value, cancellationToken).ConfigureAwait(false))!, hash);
        }

        await events.TryPublishAsync(orders.Table, PurchasingRows.SupplierPartition(supplierId), created, cancellationToken).ConfigureAwait(false);

        return new CreatePurchaseOrderResult.Placed(PurchaseOrderView.From(order), Created: true);
    }

    private static CreatePurchaseOrderResult Replay(StoredPurchaseOrder existing, string hash) =>
        existing.RequestHash == hash
            ? new CreatePurchaseOrderResult.Placed(PurchaseOrderView.From(existing.Order), Created: false)
            : new CreatePurchaseOrderResult.Conflict(existing.Order.Id.Value);
}
