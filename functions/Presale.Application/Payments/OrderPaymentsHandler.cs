using FluentValidation;
using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Shop;
using Presale.Domain.Common;
using Presale.Domain.Orders;
using Presale.Domain.Payments;
using Presale.Domain.Shop;

namespace Presale.Application.Payments;

/// <summary>
/// An order's payments: its schedule, derived again on every read from the lines' current estimates (so it moves when
/// the promise moves) and the shop's default plan, and the outcomes the shop's payment system reports against it,
/// recorded in the order's ledger idempotently by payment id. A refused or replayed outcome changes nothing.
/// </summary>
public sealed class OrderPaymentsHandler(
    OrderRepository orders,
    ShopSettingsStore shops,
    PaymentLedgerStore ledgers,
    PaymentsOptions options,
    IValidator<RecordPaymentRequest> validator,
    RandomSource random)
{
    /// <summary>The schedule of <paramref name="orderId"/> and what was paid against it; null when there is no such order.</summary>
    public async Task<OrderPaymentsView?> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        if (await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
        var ledger = await ledgers.GetAsync(orderId, stored.Order.Currency, cancellationToken).ConfigureAwait(false);
        return View(stored.Order, Schedule(stored.Order, shop), ledger.Ledger);
    }

    /// <summary>
    /// Records <paramref name="request"/> against <paramref name="orderId"/>'s schedule: recorded, replayed (the same
    /// payment id with the same outcome: the first answer again), or refused with the field at fault.
    /// </summary>
    public async Task<RecordPaymentResult> RecordAsync(string orderId, RecordPaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return new RecordPaymentResult.Invalid(FieldErrors.From(validation));
        }

        var outcome = new PaymentOutcome(
            request.PaymentId!,
            request.InstalmentId!,
            request.OutcomeKind()!.Value,
            new Money(request.Amount!.Value, request.Currency!),
            request.ReasonCode,
            request.OccurredAt!.Value,
            request.AuthorisationExpiresAt);
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            if (await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return new RecordPaymentResult.NotFound();
            }

            var order = stored.Order;
            var read = await ledgers.GetAsync(orderId, order.Currency, cancellationToken).ConfigureAwait(false);
            var known = read.Ledger.Outcomes.Any(o => o.PaymentId == outcome.PaymentId);
            if (!known && order.Status is not (OrderStatus.Confirmed or OrderStatus.Cancelled))
            {
                return new RecordPaymentResult.Conflict(
                    "order-not-payable", $"Order {orderId} is {order.Status.ToString().ToLowerInvariant()}: only a confirmed order has a payment schedule.", "id");
            }

            if (!known && read.Ledger.Outcomes.Count >= PaymentLedgerStore.MaxOutcomes)
            {
                return new RecordPaymentResult.Conflict(
                    "payment-ledger-full", $"Order {orderId} already holds {PaymentLedgerStore.MaxOutcomes} payment outcomes; no more are recorded.", "paymentId");
            }

            var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
            var result = read.Ledger.Record(outcome, Schedule(order, shop));
            switch (result.Outcome)
            {
                case PaymentRecordOutcome.Replayed:
                    return new RecordPaymentResult.Recorded(PaymentOutcomeView.From(read.Ledger.Outcomes.First(o => o.PaymentId == outcome.PaymentId)), Replayed: true);
                case PaymentRecordOutcome.Conflict:
                    return new RecordPaymentResult.Conflict("payment-conflict", result.Message!, result.Field!);
                case PaymentRecordOutcome.Invalid:
                    return new RecordPaymentResult.Invalid(FieldErrors.Single(result.Field!, result.Message!));
            }

            if (await ledgers.TryWriteAsync(read, read.Ledger, cancellationToken).ConfigureAwait(false))
            {
                return new RecordPaymentResult.Recorded(PaymentOutcomeView.From(outcome), Replayed: false);
            }
        }
    }

    private PaymentSchedule Schedule(Order order, ShopSettings? shop) => OrderSchedule.Of(order, shop, options.DefaultPaymentPlan());

    private static OrderPaymentsView View(Order order, PaymentSchedule schedule, PaymentLedger ledger) => new(
        order.Id,
        order.Currency,
        schedule.Total.Amount,
        ledger.Paid.Amount,
        schedule.Instalments.Aggregate(0m, (sum, i) => sum + ledger.Outstanding(i).Amount),
        [.. schedule.Instalments.Select(i => new InstalmentView(
            i.Id,
            i.LineNumber,
            char.ToLowerInvariant(i.Kind.ToString()[0]) + i.Kind.ToString()[1..],
            i.Amount.Amount,
            i.DueOn,
            ledger.CapturedFor(i.Id).Amount,
            ledger.Outstanding(i).Amount,
            i.CanFallDue(OrderSchedule.Progress(order, i.LineNumber)),
            ledger.FailuresSinceCapture(i.Id).Count,
            ledger.ExpiringAuthorisation(i)?.AuthorisationExpiresAt))],
        [.. ledger.Outcomes.Select(PaymentOutcomeView.From)]);
}
