using FluentValidation;
using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Shop;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Orders;
using Presale.Domain.Returns;
using Presale.Domain.Supply;

namespace Presale.Application.Returns;

/// <summary>
/// Return intake (<c>POST /api/returns</c>). A request that is malformed, names an unknown order or an order the
/// customer did not place is refused and nothing is stored. Otherwise eligibility is decided at once and explained: a
/// request with an eligible line is stored approved (intake keep-it rules applied); one with none is stored rejected,
/// with every reason, and the customer is sent a "return decided: rejected" notice. The return id comes from the
/// <c>Idempotency-Key</c>, so a retry gets the stored answer and the same key with another body is refused. An approved
/// return writes, in order: the order's returned-units row (ETag-guarded, so two returns of one order at once cannot
/// take the same units), the customer's history row, then the return with its index and outbox rows in one
/// transaction; a retry after a failure between them completes the same return. A rejected return takes no units and
/// is not counted in the customer's history: it is one transaction, the return and its notice.
/// </summary>
public sealed class CreateReturnHandler(
    ReturnRepository returns,
    OrderRepository orders,
    SupplyStore supply,
    ShopSettingsStore shops,
    ReturnSettlement settlement,
    ReturnEffectProcessor effects,
    IValidator<CreateReturnRequest> validator,
    ReturnsOptions options,
    RandomSource random,
    TimeProvider timeProvider)
{
    /// <summary>The supplier named on claims when an order line's supplier is not known (it was sold from stock on hand).</summary>
    public const string UnknownSupplier = "unassigned";

    private readonly Domain.Returns.Triage.TriageRuleSet _rules = options.TriageRules().RuleSet
        ?? throw new InvalidOperationException("The triage rules are invalid; they are validated at start.");

    /// <summary>Handles an intake named by <paramref name="idempotencyKey"/>.</summary>
    public async Task<CreateReturnResult> CreateAsync(string? idempotencyKey, CreateReturnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Identifier.Validate(idempotencyKey, "The Idempotency-Key header") is { } keyError)
        {
            return new CreateReturnResult.Invalid(FieldErrors.Single("Idempotency-Key", keyError));
        }

        var validation = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return new CreateReturnResult.Invalid(FieldErrors.From(validation));
        }

        var (returnId, partition) = ReturnIds.ForIdempotencyKey(idempotencyKey!);
        var hash = RequestHash.Of("return", request);
        if (await ReplayAsync(returnId, hash, cancellationToken).ConfigureAwait(false) is { } replay)
        {
            return replay;
        }

        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
        if (shop is null)
        {
            return new CreateReturnResult.ShopNotConfigured();
        }

        var intake = new ReturnIntake(
            request.OrderId!,
            request.CustomerId!,
            [.. request.Lines!.Select(l => new ReturnIntakeLine(Sku.From(l!.Sku!), l.Quantity!.Value, l.Reason!.Value, l.StatedCondition))],
            null,
            request.PhotoUrls is { } photos ? [.. photos.Select(p => new Uri(p!, UriKind.Absolute))] : null);
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var order = await orders.GetAsync(intake.OrderId, cancellationToken).ConfigureAwait(false);
            if (order is null)
            {
                return new CreateReturnResult.OrderNotFound();
            }

            if (order.Order.CustomerId != intake.CustomerId)
            {
                return new CreateReturnResult.NotOrderOwner();
            }

            var returned = await returns.GetReturnedUnitsAsync(order.Order.Id, cancellationToken).ConfigureAwait(false);
            var facts = await FactsAsync(order.Order, intake, returned, returnId, cancellationToken).ConfigureAwait(false);
            var now = timeProvider.GetUtcNow();
            var today = shop.LocalDate(now);
            var returnRequest = ReturnRequest.Submit(returnId, facts, intake with { ReturnShippingCost = LabelCost(order.Order.Currency) }, options.EligibilityPolicy(), today, now);
            if (!returnRequest.Eligibility.AnyEligible)
            {
                return await RejectAsync(partition, returnRequest, hash, now, cancellationToken).ConfigureAwait(false);
            }

            var earlier = await returns.CustomerReturnDaysAsync(returnRequest.CustomerId, returnId, cancellationToken).ConfigureAwait(false);
            var approved = returnRequest.Approve(_rules, earlier, today, now);
            if (!approved.IsSuccess)
            {
                throw new InvalidOperationException($"Approving eligible return {returnId} was refused: {approved.Error!.Message}");
            }

            // Take the units on the order first: a return that fails to be written after this holds them until it is retried.
            returned.ByReturn[returnId] = returnRequest.Lines.ToDictionary(l => l.Sku.Value, l => l.Quantity, StringComparer.Ordinal);
            if (!await returns.TryWriteReturnedUnitsAsync(returned, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await returns.RecordCustomerReturnAsync(returnRequest, cancellationToken).ConfigureAwait(false);
            return await StoreAsync(partition, returnRequest, hash, now, cancellationToken).ConfigureAwait(false);
        }
    }

    // Nothing is eligible: the return is kept, rejected with every reason, and the customer is told.
    private async Task<CreateReturnResult> RejectAsync(string partition, ReturnRequest request, string hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rejected = request.Reject(request.Eligibility.Explanation, now);
        if (!rejected.IsSuccess)
        {
            throw new InvalidOperationException($"Rejecting ineligible return {request.Id} was refused: {rejected.Error!.Message}");
        }

        return await StoreAsync(partition, request, hash, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CreateReturnResult> StoreAsync(string partition, ReturnRequest request, string hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = await settlement.SettleAsync(request, ReturnBaseline.Submitted, now, cancellationToken).ConfigureAwait(false);
        if (!await returns.InsertAsync(partition, request, hash, pending, cancellationToken).ConfigureAwait(false))
        {
            // A concurrent request with the same key won: answer as its retry.
            return await ReplayAsync(request.Id, hash, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Return {request.Id} exists but cannot be read.");
        }

        await effects.TryRunAsync(partition, pending, cancellationToken).ConfigureAwait(false);
        return new CreateReturnResult.Created(ReturnView.From(request), Replayed: false);
    }

    private async Task<CreateReturnResult?> ReplayAsync(string returnId, string hash, CancellationToken cancellationToken)
    {
        var existing = await returns.GetAsync(returnId, cancellationToken).ConfigureAwait(false);
        return existing is null ? null
            : existing.RequestHash == hash ? new CreateReturnResult.Created(ReturnView.From(existing.Request), Replayed: true)
            : new CreateReturnResult.KeyReused();
    }

    private Money? LabelCost(string currency) => options.ReturnLabelCost is { } cost ? new Money(cost, currency) : null;

    private async Task<ReturnableOrder> FactsAsync(Order order, ReturnIntake intake, OrderReturnedUnits returned, string returnId, CancellationToken cancellationToken)
    {
        var requested = intake.Lines.Select(l => l.Sku).ToHashSet();
        var lines = new List<ReturnableOrderLine>();
        foreach (var line in order.Lines)
        {
            // Categories come from the SKU settings, read only for the lines asked about.
            var category = requested.Contains(line.Sku)
                ? (await supply.LoadAsync(line.Sku, cancellationToken).ConfigureAwait(false))?.Settings.Category ?? string.Empty
                : string.Empty;
            var deliveredOn = order.DeliveredOn(line.Sku);
            var supplier = line.Promise?.Source is { Kind: SupplyKind.Lot, SupplierId: { } supplierId } ? supplierId : UnknownSupplier;
            lines.Add(new ReturnableOrderLine(
                line.Sku, category, order.QuantityDelivered(line.Sku), returned.Returned(line.Sku.Value, returnId), line.UnitPrice, deliveredOn,
                supplier, options.WarrantyUntil(category, deliveredOn), Returnable: true));
        }

        return new ReturnableOrder(order.Id, order.CustomerId, order.Currency, lines);
    }
}
