using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.Logging;
using Presale.Application.Common;
using Presale.Application.Notifications;
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
/// transaction, with the customer's "order confirmed" notice. A short or invalid order is first stored as rejected with its answer (conditioned on the pending
/// version, so no attempt can confirm it afterwards) and only then releases what it took; a placement that dies or
/// whose outcome is unknown stays pending and is abandoned, then released, by the saga sweeper once its marker is due.
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
    NotificationsOptions notifications,
    TimeProvider timeProvider,
    ILogger<PlaceOrderHandler> logger)
{
    private const string Placed = "placed";
    private const string Invalid = "invalid";
    private const string Short = "short";

    /// <summary>
    /// Places the order named by <paramref name="idempotencyKey"/>. <paramref name="cancellationToken"/> (the request's)
    /// stops only the checks before anything is written: once the pending order may exist, the placement runs to its end
    /// with <see cref="CancellationToken.None"/>, because a write abandoned mid-flight has an outcome nobody knows, and
    /// the customer's retry gets the stored answer.
    /// </summary>
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

        cancellationToken.ThrowIfCancellationRequested();
        var hash = RequestHash.Of("order", ForHash(request));
        var (orderId, partition) = OrderIds.ForIdempotencyKey(idempotencyKey!);
        var now = timeProvider.GetUtcNow();
        var order = Order.Place(
            orderId,
            request.CustomerId!,
            request.Tier!.Value,
            new NotificationContact(NullIfEmpty(request.NotificationContact!.Email), NullIfEmpty(request.NotificationContact.Phone)),
            shop.Currency,
            [.. request.Lines!.Select((l, i) => new OrderLine(i + 1, Sku.From(l.Sku!), l.Quantity!.Value, new Money(l.UnitPrice!.Value, shop.Currency)))],
            now,
            new Money(request.ShippingCharge ?? 0m, shop.Currency));
        var stored = await orders.InsertPendingAsync(partition, order, hash, now + options.PendingTimeout, CancellationToken.None).ConfigureAwait(false);
        if (stored is not null)
        {
            return await RunAsync(stored, shop, resumed: false).ConfigureAwait(false);
        }

        var existing = await orders.GetAsync(orderId, CancellationToken.None).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Order {orderId} exists but cannot be read.");
        return existing.RequestHash != hash
            ? new PlaceOrderResult.KeyReused()
            : await ReplayAsync(existing, shop).ConfigureAwait(false);
    }

    private async Task<PlaceOrderResult> ReplayAsync(StoredOrder existing, ShopSettings shop)
    {
        var order = existing.Order;
        switch (order.Status)
        {
            case OrderStatus.Pending when timeProvider.GetUtcNow() < order.PlacedAt + options.PendingTimeout:
                return await RunAsync(existing, shop, resumed: true).ConfigureAwait(false);
            case OrderStatus.Pending:
                await saga.FinishAsync(existing.Partition, order.Id, existing.SagaMarker!, CancellationToken.None).ConfigureAwait(false);
                return new PlaceOrderResult.Abandoned(order.Id);
            case OrderStatus.Abandoned:
                await FinishReleaseAsync(existing).ConfigureAwait(false);
                return new PlaceOrderResult.Abandoned(order.Id);
            case OrderStatus.Rejected:
                await FinishReleaseAsync(existing).ConfigureAwait(false);
                return StoredAnswer(existing);
            default:
                return StoredAnswer(existing);
        }
    }

    /// <summary>
    /// An order stored as rejected or abandoned keeps its saga marker until what it held is released: when an earlier
    /// attempt stopped in between (storage went away, the request ran out of its budget), the retry finishes the
    /// release before answering, so the units are free again at once rather than at the sweeper's next run.
    /// </summary>
    private async Task FinishReleaseAsync(StoredOrder existing)
    {
        if (existing.SagaMarker is { } marker)
        {
            await saga.FinishAsync(existing.Partition, existing.Order.Id, marker, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Checks, reserves and confirms a pending order. <paramref name="resumed"/>: an earlier attempt with the same key
    /// may have reserved lines (and may still be running), so the lines it holds count as this order's own.
    /// Reservations of a pending order are never released here: only after an ETag-guarded move to Rejected (or once
    /// another attempt or the sweeper has moved it to Rejected or Abandoned). An exception leaves the order pending, for
    /// a retry to resume or the saga sweeper to abandon and release.
    /// </summary>
    private async Task<PlaceOrderResult> RunAsync(StoredOrder stored, ShopSettings shop, bool resumed)
    {
        var order = stored.Order;
        try
        {
            var none = CancellationToken.None;
            var now = timeProvider.GetUtcNow();
            var states = await Task.WhenAll(order.Lines.Select(l => supply.LoadAsync(l.Sku, none))).ConfigureAwait(false);
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            for (var i = 0; i < order.Lines.Count; i++)
            {
                Orderability.Check(i, order.Lines[i].Sku.Value, order.Lines[i].Quantity, states[i], now, errors);
            }

            if (errors.Count > 0)
            {
                return await RejectAsync(stored, Invalid, new PlaceOrderResult.Invalid(errors, resumed), errors).ConfigureAwait(false);
            }

            // A resumed order's own reservations would count against it here; its lines are checked as they are reserved.
            if (!resumed && await AvailabilityAsync(order, states!, shop, now).ConfigureAwait(false) is var availability && availability.Any(a => !a.Sufficient))
            {
                return await RejectAsync(stored, Short, new PlaceOrderResult.Short(order.Id, availability, resumed), availability).ConfigureAwait(false);
            }

            var held = new List<Reservation>(order.Lines.Count);
            var promises = new List<LinePromise>(order.Lines.Count);
            for (var i = 0; i < order.Lines.Count; i++)
            {
                var line = order.Lines[i];
                switch (await reservations.ReserveAsync(line.Sku, order.Id, line.LineNumber, line.Quantity, shop, states[i], resumed, none).ConfigureAwait(false))
                {
                    case ReserveOutcome.Reserved reserved:
                        held.Add(reserved.Reservation);
                        promises.Add(reserved.Reservation.Promise); // lot dates include their supplier's slip buffer
                        continue;
                    case ReserveOutcome.NotOrderable notOrderable:
                        return await RejectAsync(stored, Invalid, new PlaceOrderResult.Invalid(notOrderable.Errors, resumed), notOrderable.Errors).ConfigureAwait(false);
                    default:
                        // Supply ran out between the check and the reservation: answer with fresh availability, in which
                        // the lines this order holds count as its own.
                        var fresh = await Task.WhenAll(order.Lines.Select(l => supply.LoadAsync(l.Sku, none))).ConfigureAwait(false);
                        var at = timeProvider.GetUtcNow();
                        var free = await AvailabilityAsync(order, [.. fresh.Select((f, n) => f ?? states[n]!)], shop, at).ConfigureAwait(false);
                        var lines = free.Select(a => held.FirstOrDefault(r => r.LineNumber == a.LineNumber) is { } own
                            ? a with { Available = a.Available + own.Quantity, EarliestPromiseDate = own.Promise.PromisedOn, Source = SupplySourceView.From(own.Promise.Source) }
                            : a).ToList();
                        return await RejectAsync(stored, Short, new PlaceOrderResult.Short(order.Id, lines, resumed), lines).ConfigureAwait(false);
                }
            }

            return await ConfirmAsync(stored, promises, shop, resumed).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            LogPlacementInterrupted(logger, error, order.Id);
            throw;
        }
    }

    private async Task<PlaceOrderResult> ConfirmAsync(StoredOrder stored, IReadOnlyList<LinePromise> promises, ShopSettings shop, bool resumed)
    {
        var order = stored.Order;
        var now = timeProvider.GetUtcNow();
        order.Confirm(promises, now);
        var view = OrderView.From(order);
        OutboxMessage[] messages = [Message(order, OrderEventMessage.Confirmed, now), OrderNotices.Confirmed(order, shop, notifications, now)];

        // An exception here leaves the outcome unknown (the write may have committed): nothing is released; the order is
        // either confirmed or still pending for the sweeper.
        if (!await orders.TryConfirmAsync(stored, messages, JsonSerializer.Serialize(view, PresaleJson.Options), CancellationToken.None).ConfigureAwait(false))
        {
            // Another attempt with the same key, or the sweeper, moved the order on first.
            return await SettledElsewhereAsync(order.Id).ConfigureAwait(false);
        }

        foreach (var message in messages)
        {
            await outbox.TryPublishAsync(stored.Partition, message, CancellationToken.None).ConfigureAwait(false);
        }

        return new PlaceOrderResult.Placed(view, resumed);
    }

    /// <summary>
    /// Stores the order as rejected with its answer (keeping its saga marker), and only then releases what it holds and
    /// removes the marker; if the release dies in between, the sweeper finishes it.
    /// </summary>
    private async Task<PlaceOrderResult> RejectAsync<T>(StoredOrder stored, string kind, PlaceOrderResult result, T answer)
    {
        var none = CancellationToken.None;
        stored.Order.Reject(timeProvider.GetUtcNow());
        if (!await orders.TryRejectAsync(stored, kind, JsonSerializer.Serialize(answer, PresaleJson.Options), none).ConfigureAwait(false))
        {
            return await SettledElsewhereAsync(stored.Order.Id).ConfigureAwait(false);
        }

        await saga.ReleaseLinesAsync(stored.Order, none).ConfigureAwait(false);
        await orders.FinishSagaAsync(stored.Partition, stored.Order.Id, stored.SagaMarker!, none).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// The answer for an order another attempt (or the sweeper) moved out of pending first. A rejected or abandoned order
    /// can never be confirmed, so what this attempt may have reserved for it is released; a confirmed one keeps it.
    /// </summary>
    private async Task<PlaceOrderResult> SettledElsewhereAsync(string orderId)
    {
        var current = await orders.GetAsync(orderId, CancellationToken.None).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Order {orderId} vanished while being placed.");
        switch (current.Order.Status)
        {
            case OrderStatus.Confirmed or OrderStatus.Cancelled:
                return StoredAnswer(current);
            case OrderStatus.Rejected or OrderStatus.Abandoned:
                await saga.ReleaseLinesAsync(current.Order, CancellationToken.None).ConfigureAwait(false);
                return current.Order.Status == OrderStatus.Abandoned ? new PlaceOrderResult.Abandoned(orderId) : StoredAnswer(current);
            default:
                throw new InvalidOperationException($"Order {orderId} is still {current.Order.Status} after a conflicting write.");
        }
    }

    private PlaceOrderResult StoredAnswer(StoredOrder stored) => stored.OutcomeKind switch
    {
        Placed => new PlaceOrderResult.Placed(JsonSerializer.Deserialize<OrderView>(stored.Outcome!, PresaleJson.Options)!, Replayed: true),
        Invalid => new PlaceOrderResult.Invalid(JsonSerializer.Deserialize<Dictionary<string, string[]>>(stored.Outcome!, PresaleJson.Options)!, Replayed: true),
        Short => new PlaceOrderResult.Short(stored.Order.Id, JsonSerializer.Deserialize<List<LineAvailability>>(stored.Outcome!, PresaleJson.Options)!, Replayed: true),
        _ => throw new InvalidOperationException($"Order {stored.Order.Id} is {stored.Order.Status} without a stored placement answer."),
    };

    private async Task<List<LineAvailability>> AvailabilityAsync(Order order, IReadOnlyList<SkuState> states, ShopSettings shop, DateTimeOffset now)
    {
        var lines = new List<LineAvailability>(order.Lines.Count);
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            var slips = await reservations.SlipsAsync(states[i].Ledger, CancellationToken.None).ConfigureAwait(false);
            lines.Add(Orderability.Availability(line.LineNumber, line.Sku.Value, line.Quantity, states[i], shop, now, slips));
        }

        return lines;
    }

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

    // What the request hash covers: the request as sent, except that a shipping charge of 0 is written as absent (the
    // same order) and without trailing zeros (4.90 is 4.9), so only a different charge makes a different request. An
    // order placed before shipping charges existed hashes as it did then.
    private static PlaceOrderRequest ForHash(PlaceOrderRequest request) => request with
    {
        ShippingCharge = request.ShippingCharge is { } charge && charge != 0m ? charge / 1.000000000000000000000000000000000m : null,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Placing order {OrderId} was interrupted; a retry with the same key resumes it, or the saga sweeper finishes it (abandons a pending order) and releases what it holds once its marker is due.")]
    private static partial void LogPlacementInterrupted(ILogger logger, Exception error, string orderId);
}
