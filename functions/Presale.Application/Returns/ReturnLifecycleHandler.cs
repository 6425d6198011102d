using Presale.Application.Common;
using Presale.Domain.Common;
using Presale.Domain.Returns;
using Presale.Domain.Returns.Triage;

namespace Presale.Application.Returns;

/// <summary>
/// The commands on a return — read, mark in transit, receive inspected units, a reviewer's decision, cancel — each
/// a domain transition written with the ETag it was read with (a lost race re-reads and re-decides, so the same receipt
/// posted twice at once is recorded once and the second is refused as already received). What follows a transition
/// (restock, supplier claim, refund and notification once every unit is decided) joins the same transaction.
/// </summary>
public sealed class ReturnLifecycleHandler(ReturnRepository returns, ReturnSettlement settlement, ReturnEffectProcessor effects, ReturnsOptions options, RandomSource random, TimeProvider timeProvider)
{
    /// <summary>The longest tracking reference or serial accepted.</summary>
    public const int MaxReferenceLength = 200;

    /// <summary>The longest note accepted.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>The return, or null.</summary>
    public async Task<ReturnView?> GetAsync(string returnId, CancellationToken cancellationToken) =>
        await returns.GetAsync(returnId, cancellationToken).ConfigureAwait(false) is { } stored ? ReturnView.From(stored.Request) : null;

    /// <summary>Approved → in transit.</summary>
    public Task<ReturnCommandResult> MarkInTransitAsync(string returnId, MarkInTransitRequest? request, CancellationToken cancellationToken)
    {
        var tracking = request?.TrackingReference;
        if (tracking is { Length: > MaxReferenceLength })
        {
            return Task.FromResult<ReturnCommandResult>(new ReturnCommandResult.Invalid(FieldErrors.Single("trackingReference", $"A tracking reference has at most {MaxReferenceLength} characters.")));
        }

        return ChangeAsync(returnId, (r, now) => r.MarkInTransit(tracking, now), cancellationToken);
    }

    /// <summary>Records inspected units (each unit once; the batch is all or nothing).</summary>
    public Task<ReturnCommandResult> ReceiveAsync(string returnId, ReceiveReturnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var receipts = new List<UnitReceipt>();
        if (request.Receipts is not { Count: > 0 } list)
        {
            errors["receipts"] = ["A receipt names at least one unit."];
        }
        else if (list.Count > options.MaxItemsPerRequest)
        {
            errors["receipts"] = [$"A receipt names at most {options.MaxItemsPerRequest} units."];
        }
        else
        {
            for (var i = 0; i < list.Count; i++)
            {
                var field = $"receipts[{i}]";
                if (list[i] is not { } item)
                {
                    errors[field] = ["A receipt entry is required."];
                    continue;
                }

                var unit = ParseUnit(item.UnitId, field + ".unitId", errors);
                if (item.Grade is not { } grade || !Enum.IsDefined(grade))
                {
                    errors[field + ".grade"] = ["A grade is required: a (new/sealed), b (opened/good), c (defective), d (damaged)."];
                }

                if (item.Serial is { Length: > MaxReferenceLength })
                {
                    errors[field + ".serial"] = [$"A serial has at most {MaxReferenceLength} characters."];
                }

                if (item.Notes is { Length: > MaxNoteLength })
                {
                    errors[field + ".notes"] = [$"Notes have at most {MaxNoteLength} characters."];
                }

                if (unit is { } id && item.Grade is { } g)
                {
                    receipts.Add(new UnitReceipt(id, g, Blank(item.Serial), Blank(item.Notes)));
                }
            }
        }

        return errors.Count > 0
            ? Task.FromResult<ReturnCommandResult>(new ReturnCommandResult.Invalid(errors))
            : ChangeAsync(returnId, (r, now) => r.Receive(receipts, now), cancellationToken);
    }

    /// <summary>A reviewer's final decision for a unit in the manual review queue (or any undecided unit).</summary>
    public Task<ReturnCommandResult> DecideAsync(string returnId, DecideUnitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var unit = ParseUnit(request.UnitId, "unitId", errors);
        if (request.Action is not { } action || !Enum.IsDefined(action))
        {
            errors["action"] = ["An action is required: restock, refurbish, returnToVendor, scrap, keepIt or reject."];
        }
        else if (action == TriageAction.ManualReview)
        {
            errors["action"] = ["A reviewer decides a final action, not manualReview."];
        }

        if (Identifier.Validate(request.Reviewer, "The reviewer") is { } reviewerError)
        {
            errors["reviewer"] = [reviewerError];
        }

        if (request.Note is { Length: > MaxNoteLength })
        {
            errors["note"] = [$"A note has at most {MaxNoteLength} characters."];
        }

        return errors.Count > 0
            ? Task.FromResult<ReturnCommandResult>(new ReturnCommandResult.Invalid(errors))
            : ChangeAsync(returnId, (r, now) => r.Decide(unit!.Value, TriageDecision.ByReviewer(request.Action!.Value, request.Reviewer!, Blank(request.Note)), now), cancellationToken);
    }

    /// <summary>
    /// Cancels a return not yet received, by its customer or an operator. The cancelled return gives its units back to
    /// the order (an outbox row written with the change), so they can be returned again.
    /// </summary>
    public Task<ReturnCommandResult> CancelAsync(string returnId, CancelReturnRequest? request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (customer, by) = (request?.CustomerId, request?.Operator);
        if ((customer is null) == (by is null))
        {
            errors["customerId"] = ["Name who cancels: customerId (the return's customer) or operator, not both."];
            errors["operator"] = errors["customerId"];
        }
        else if (Identifier.Validate(customer ?? by, customer is null ? "The operator" : "The customer id") is { } whoError)
        {
            errors[customer is null ? "operator" : "customerId"] = [whoError];
        }

        if (request?.Reason is { Length: > MaxNoteLength })
        {
            errors["reason"] = [$"A reason has at most {MaxNoteLength} characters."];
        }

        if (errors.Count > 0)
        {
            return Task.FromResult<ReturnCommandResult>(new ReturnCommandResult.Invalid(errors));
        }

        var note = (customer is null ? $"Cancelled by operator {by}" : $"Withdrawn by customer {customer}") + (Blank(request!.Reason) is { } why ? $": {why}" : ".");
        return ChangeAsync(
            returnId,
            (r, now) => r.Cancel(note, now),
            cancellationToken,
            r => customer is not null && customer != r.CustomerId ? new ReturnCommandResult.NotOwner() : null);
    }

    private async Task<ReturnCommandResult> ChangeAsync(
        string returnId, Func<ReturnRequest, DateTimeOffset, ReturnResult> transition, CancellationToken cancellationToken, Func<ReturnRequest, ReturnCommandResult?>? guard = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var stored = await returns.GetAsync(returnId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return new ReturnCommandResult.NotFound();
            }

            var request = stored.Request;
            if (guard?.Invoke(request) is { } refused)
            {
                return refused;
            }

            var before = ReturnBaseline.Of(request);
            var hadRefund = request.Refund is not null;
            var now = timeProvider.GetUtcNow();
            var result = transition(request, now);
            if (result.Error is { } error)
            {
                return new ReturnCommandResult.Refused(error);
            }

            var pending = await settlement.SettleAsync(request, before, now, cancellationToken).ConfigureAwait(false);
            if (await returns.TryCommitAsync(stored, hadRefund, pending, cancellationToken).ConfigureAwait(false))
            {
                await effects.TryRunAsync(stored.Partition, pending, cancellationToken).ConfigureAwait(false);
                return new ReturnCommandResult.Done(ReturnView.From(request));
            }
        }
    }

    private static ReturnUnitId? ParseUnit(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (ReturnUnitId.TryParse(value, out var unit, out var error))
        {
            return unit;
        }

        errors[field] = [error ?? "Not a unit id."];
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
