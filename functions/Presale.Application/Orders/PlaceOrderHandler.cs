using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.Logging;
using Presale.Application.Common;
using Presale.Application.Outbox;
using Presale.Application.Shop;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Orders;
using Presale.Domain.Shop;
using Presale.Domain.Supply;

namespace Presale.Application.Orders;

/// <summary>
/// Places a pre-sale order as a saga that never leaves anything half-done:
/// (1) the order is inserted as pending with its saga marker, at a row derived from the idempotency key, so a retry
/// finds it (same request: the stored answer, or the unfinished placement resumed; different request: refused);
/// (2) each line is reserved, at most once per line; (3) the order is confirmed together with its outbox message in one
/// transaction. A short or invalid order releases what it took and is stored as rejected with its answer; a placement
/// that dies is abandoned and released by the saga sweeper once its marker is due.
/// </summary>
public sealed partial class PlaceOrderHandler(
    OrderRepository orders,
    SupplyStore supply,
    ReservationService reservations,
    OrderSaga saga,
    OutboxPublisher outbox,
    ShopSettingsStore shops,
    IValidator<PlaceOrderRequest> validator,
    OrdersOptions options,
    TimeProvider timeProvider,
    ILogger<PlaceOrderHandler> logger,
    Reconciliation.SupplierPromiseBuffers? buffers = null)
{
    private const string Placed = "placed";
    private const string Invalid = "invalid";
    private const string Short = "short";

    /// <summary>Places the order named by <paramref name="idempotencyKey"/>.</summary>
    public async Task<PlaceOrderResult> PlaceAsync(string? idempotencyKey, PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Identifier.Validate(idempotencyKey, "The Idempotency-Key header") is { } keyError)
        {
            return new PlaceOrderResult.Invalid(FieldErrors.Single("Idempotency-Key", keyError), Replayed: false);
        }

        var validation = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return new PlaceOrderResult.Invalid(FieldErrors.From(validation), Replayed: false);
        }

        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
        if (shop is null)
        {
            return new PlaceOrderResult.ShopNotConfigured();
        }

        if (request.Currency != shop.Currency)
        {
            return new PlaceOrderResult.Invalid(FieldErrors.Single("currency", $"This shop sells in {shop.Currency}, not {request.Currency}."), Replayed: false);
        }

        var hash = RequestHash.Of("order", request);
        var (orderId, partition) = OrderIds.ForIdempotencyKey(idempotencyKey!);
        var now = timeProvider.GetUtcNow();
        var order = Order.Place(
            orderId,
            request.CustomerId!,
            request.Tier!.Value,
            new NotificationContact(NullIfEmpty(request.NotificationContact!.Email), NullIfEmpty(request.NotificationContact.Phone)),
            shop.Currency,
            [.. request.Lines!.Select((l, i) => new OrderLine(i + 1, Sku.From(l.Sku!), l.Quantity!.Value, new Money(l.UnitPrice!.Value, shop.Currency)))],
            now);
        var stored = await orders.InsertPendingAsync(partition, order, hash, now + options.PendingTimeout, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            return await RunAsync(stored, shop, replayed: false, cancellationToken).ConfigureAwait(false);
        }

        var existing = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Order {orderId} exists but cannot be read.");
        return existing.RequestHash != hash
            ? new PlaceOrderResult.KeyReused()
            : await ReplayAsync(existing, shop, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PlaceOrderResult> ReplayAsync(StoredOrder existing, ShopSettings shop, CancellationToken cancellationToken)
    {
        var order = existing.Order;
        switch (order.Status)
        {
            case OrderStatus.Pending when timeProvider.GetUtcNow() < order.PlacedAt + options.PendingTimeout:
                return await RunAsync(existing, shop, replayed: true, cancellationToken).ConfigureAwait(false);
            case OrderStatus.Pending:
                await saga.FinishAsync(existing.Partition, order.Id, existing.SagaMarker!, cancellationToken).ConfigureAwait(false);
                return new PlaceOrderResult.Abandoned(order.Id);
            case OrderStatus.Abandoned:
                return new PlaceOrderResult.Abandoned(order.Id);
            default:
                return StoredAnswer(existing);
        }
    }

    private async Task<PlaceOrderResult> RunAsync(StoredOrder stored, ShopSettings shop, bool replayed, CancellationToken cancellationToken)
    {
        var order = stored.Order;
        var now = timeProvider.GetUtcNow();
        var states = await Task.WhenAll(order.Lines.Select(l => supply.LoadAsync(l.Sku, cancellationToken))).ConfigureAwait(false);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < order.Lines.Count; i++)
        {
            Orderability.Check(i, order.Lines[i].Sku.Value, order.Lines[i].Quantity, states[i], now, errors);
        }

        if (errors.Count > 0)
        {
            return await RejectAsync(stored, Invalid, new PlaceOrderResult.Invalid(errors, replayed), errors, cancellationToken).ConfigureAwait(false);
        }

        var availability = Availability(order, states!, shop, now);
        if (availability.Any(a => !a.Sufficient))
        {
            return await RejectAsync(stored, Short, new PlaceOrderResult.Short(order.Id, availability, replayed), availability, cancellationToken).ConfigureAwait(false);
        }

        var promises = new List<LinePromise>(order.Lines.Count);
        try
        {
            for (var i = 0; i < order.Lines.Count; i++)
            {
                var line = order.Lines[i];
                var outcome = await reservations.ReserveAsync(line.Sku, order.Id, line.LineNumber, line.Quantity, shop, states[i], cancellationToken).ConfigureAwait(false);
                if (outcome is ReserveOutcome.Reserved reserved)
                {
                    // A lot-backed promise includes the supplier's slip buffer (the reservation keeps the supply's own date).
                    var buffer = buffers is null ? null : await buffers.ForAsync(reserved.Promise.Source, cancellationToken).ConfigureAwait(false);
                    promises.Add(buffer is null ? reserved.Promise : reserved.Promise with { PromisedOn = buffer.Apply(reserved.Promise.PromisedOn) });
                    continue;
                }

                // Supply ran out between the check and the reservation: undo, and answer with fresh availability.
                await saga.ReleaseLinesAsync(order, cancellationToken).ConfigureAwait(false);
                var fresh = await Task.WhenAll(order.Lines.Select(l => supply.LoadAsync(l.Sku, cancellationToken))).ConfigureAwait(false);
                var now2 = timeProvider.GetUtcNow();
                var lines = fresh.All(s => s is not null) ? Availability(order, fresh!, shop, now2) : Availability(order, states!, shop, now2);
                return await RejectAsync(stored, Short, new PlaceOrderResult.Short(order.Id, lines, replayed), lines, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            await ReleaseAfterFailureAsync(order, error).ConfigureAwait(false);
            throw;
        }

        return await ConfirmAsync(stored, promises, replayed, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PlaceOrderResult> ConfirmAsync(StoredOrder stored, IReadOnlyList<LinePromise> promises, bool replayed, CancellationToken cancellationToken)
    {
        var order = stored.Order;
        var now = timeProvider.GetUtcNow();
        order.Confirm(promises, now);
        var view = OrderView.From(order);
        var message = Message(order, OrderEventMessage.Confirmed, now);
        bool confirmed;
        try
        {
            confirmed = await orders.TryConfirmAsync(stored, message, JsonSerializer.Serialize(view, PresaleJson.Options), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            await ReleaseAfterFailureAsync(order, error).ConfigureAwait(false);
            throw;
        }

        if (!confirmed)
        {
            // Another attempt with the same key, or the sweeper, moved the order on first.
            var current = await orders.GetAsync(order.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Order {order.Id} vanished while being confirmed.");
            if (current.Order.Status == OrderStatus.Confirmed || current.Order.Status == OrderStatus.Cancelled)
            {
                return StoredAnswer(current);
            }

            await saga.ReleaseLinesAsync(current.Order, cancellationToken).ConfigureAwait(false);
            return current.Order.Status == OrderStatus.Pending ? throw new InvalidOperationException($"Order {order.Id} is still pending after a conflicting write.")
                : current.Order.Status == OrderStatus.Abandoned ? new PlaceOrderResult.Abandoned(order.Id) : StoredAnswer(current);
        }

        await outbox.TryPublishAsync(stored.Partition, message, cancellationToken).ConfigureAwait(false);
        return new PlaceOrderResult.Placed(view, replayed);
    }

    private async Task<PlaceOrderResult> RejectAsync<T>(StoredOrder stored, string kind, PlaceOrderResult result, T answer, CancellationToken cancellationToken)
    {
        stored.Order.Reject(timeProvider.GetUtcNow());
        if (await orders.TryRejectAsync(stored, kind, JsonSerializer.Serialize(answer, PresaleJson.Options), cancellationToken).ConfigureAwait(false))
        {
            return result;
        }

        var current = await orders.GetAsync(stored.Order.Id, cancellationToken).ConfigureAwait(false);
        return current?.Order.Status switch
        {
            OrderStatus.Abandoned => new PlaceOrderResult.Abandoned(stored.Order.Id),
            OrderStatus.Confirmed or OrderStatus.Cancelled or OrderStatus.Rejected => StoredAnswer(current),
            _ => result,
        };
    }

    private async Task ReleaseAfterFailureAsync(Order order, Exception error)
    {
        LogPlacementFailed(logger, error, order.Id);
        try
        {
            await saga.ReleaseLinesAsync(order, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception releaseError)
        {
            // The order stays pending; the saga sweeper releases it once its marker is due.
            LogReleaseDeferred(logger, releaseError, order.Id);
        }
    }

    private PlaceOrderResult StoredAnswer(StoredOrder stored) => stored.OutcomeKind switch
    {
        Placed => new PlaceOrderResult.Placed(JsonSerializer.Deserialize<OrderView>(stored.Outcome!, PresaleJson.Options)!, Replayed: true),
        Invalid => new PlaceOrderResult.Invalid(JsonSerializer.Deserialize<Dictionary<string, string[]>>(stored.Outcome!, PresaleJson.Options)!, Replayed: true),
        Short => new PlaceOrderResult.Short(stored.Order.Id, JsonSerializer.Deserialize<List<LineAvailability>>(stored.Outcome!, PresaleJson.Options)!, Replayed: true),
        _ => throw new InvalidOperationException($"Order {stored.Order.Id} is {stored.Order.Status} without a stored placement answer."),
    };

    private static List<LineAvailability> Availability(Order order, IReadOnlyList<SkuState> states, ShopSettings shop, DateTimeOffset now) =>
        [.. order.Lines.Select((l, i) => Orderability.Availability(l.LineNumber, l.Sku.Value, l.Quantity, states[i], shop, now))];

    internal static OutboxMessage Message(Order order, string type, DateTimeOffset at)
    {
        var body = new OrderEventMessage(type, order.Id, order.Status, [.. order.Lines.Select(l => l.Sku.Value)], at);
        return new OutboxMessage(
            order.Id + "-" + type["order.".Length..],
            type,
            JsonSerializer.Serialize(body, PresaleJson.Options),
            order.Id,
            at);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [LoggerMessage(Level = LogLevel.Error, Message = "Placing order {OrderId} failed; releasing what it reserved.")]
    private static partial void LogPlacementFailed(ILogger logger, Exception error, string orderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Releasing the reservations of order {OrderId} failed; the saga sweeper will release them.")]
    private static partial void LogReleaseDeferred(ILogger logger, Exception error, string orderId);
}
