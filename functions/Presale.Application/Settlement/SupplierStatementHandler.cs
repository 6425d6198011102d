using Microsoft.Extensions.Logging;
using Presale.Application.IntegrationEvents;
using Presale.Application.Purchasing;
using Presale.Application.Shop;
using Presale.Domain.Common;
using Presale.Domain.Purchasing.Settlement;
using Presale.Domain.Shop;

namespace Presale.Application.Settlement;

/// <summary>
/// Supplier settlement statements (<c>GET /api/suppliers/{supplierId}/statements/{period}</c> and the closing timer).
/// Periods are closed in order, each exactly once: a period is closed on the first request for it (or a later one)
/// once it has ended, and by <see cref="SettlementSweep"/> once it ended <see cref="PurchasingOptions.StatementCloseDelay"/>
/// ago. Closing computes the statement from the previous statement's settled position and what is known now
/// (<see cref="StatementCalculator"/>), stores it all or nothing (<see cref="StatementStore"/>) and publishes
/// <c>supplier-statement.closed</c>. A closed statement is served from storage byte for byte; corrections land on the
/// next one. The running period is answered with a preview (<c>status: open</c>), computed on request and not stored.
/// </summary>
public sealed partial class SupplierStatementHandler(
    SupplierTermsStore terms,
    ShopSettingsStore shops,
    SettlementFactsReader facts,
    StatementStore statements,
    SupplierGrades grades,
    OutboxEventPublisher events,
    PurchasingOptions options,
    TimeProvider timeProvider,
    ILogger<SupplierStatementHandler> logger)
{
    private const int MaxAttempts = 8;

    /// <summary>The statement of <paramref name="supplierId"/> for <paramref name="period"/> (closing it, and any ended period before it, first).</summary>
    public async Task<StatementResult> GetAsync(string supplierId, string period, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Identifier.Validate(supplierId, "A supplier id") is { } supplierError)
        {
            errors["supplierId"] = [supplierError];
        }

        if (!SettlementPeriod.TryParse(options.SettlementPeriod, period, out var wanted, out var periodError))
        {
            errors["period"] = [periodError!];
        }

        if (errors.Count > 0)
        {
            return new StatementResult.Invalid(errors);
        }

        if (await shops.GetAsync(cancellationToken).ConfigureAwait(false) is not { } shop)
        {
            return new StatementResult.ShopNotConfigured();
        }

        if (await terms.GetAsync(supplierId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return new StatementResult.NoTerms();
        }

        var now = timeProvider.GetUtcNow();
        var first = SettlementPeriod.Containing(options.SettlementPeriod, stored.EffectiveFrom);
        var current = SettlementPeriod.Containing(options.SettlementPeriod, shop.LocalDate(now));
        if (wanted.Start < first.Start || wanted.Start > current.Start)
        {
            return new StatementResult.NoSuchPeriod(first.Id, current.Id);
        }

        if (wanted.Start < current.Start)
        {
            await CloseThroughAsync(supplierId, wanted, stored, shop, closed: null, cancellationToken).ConfigureAwait(false);
            return new StatementResult.Ready(await StoredAsync(supplierId, wanted, cancellationToken).ConfigureAwait(false));
        }

        if (current.Start > first.Start)
        {
            await CloseThroughAsync(supplierId, current.Previous, stored, shop, closed: null, cancellationToken).ConfigureAwait(false);
        }

        var head = await statements.GetHeadAsync(supplierId, cancellationToken).ConfigureAwait(false);
        var previous = head is null ? SettlementPosition.Empty : (await statements.GetAsync(supplierId, head.Period, cancellationToken).ConfigureAwait(false))!.Value.Position;
        var (document, _, _) = await ComputeAsync(supplierId, wanted, head, previous, stored, shop, SupplierStatementDocument.Open, null, cancellationToken).ConfigureAwait(false);
        return new StatementResult.Ready(StatementExport.FromJson(StatementExport.ToJson(document)));
    }

    /// <summary>
    /// Closes every period of <paramref name="supplierId"/> that ended at least <see cref="PurchasingOptions.StatementCloseDelay"/>
    /// ago and is not closed yet, oldest first; returns the periods closed by this call. Nothing for a supplier without terms.
    /// </summary>
    public async Task<IReadOnlyList<string>> CloseDueAsync(string supplierId, CancellationToken cancellationToken)
    {
        if (await shops.GetAsync(cancellationToken).ConfigureAwait(false) is not { } shop
            || await terms.GetAsync(supplierId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return [];
        }

        var lastEnded = SettlementPeriod.Containing(options.SettlementPeriod, shop.LocalDate(timeProvider.GetUtcNow() - options.StatementCloseDelay)).Previous;
        var closed = new List<string>();
        if (lastEnded.Start >= SettlementPeriod.Containing(options.SettlementPeriod, stored.EffectiveFrom).Start)
        {
            await CloseThroughAsync(supplierId, lastEnded, stored, shop, closed, cancellationToken).ConfigureAwait(false);
        }

        return closed;
    }

    /// <summary>Closes, oldest first, every period up to <paramref name="through"/> not closed yet (each in one transaction; a concurrent closer's win is taken as is).</summary>
    private async Task CloseThroughAsync(
        string supplierId, SettlementPeriod through, StoredSupplierTerms stored, ShopSettings shop, List<string>? closed, CancellationToken cancellationToken)
    {
        var first = SettlementPeriod.Containing(options.SettlementPeriod, stored.EffectiveFrom);
        for (var lost = 0; ;)
        {
            var head = await statements.GetHeadAsync(supplierId, cancellationToken).ConfigureAwait(false);
            var next = head is null ? first : SettlementPeriod.Containing(options.SettlementPeriod, head.PeriodEnd.AddDays(1));
            if (through.Start < next.Start)
            {
                return;
            }

            var previous = head is null ? SettlementPosition.Empty : (await statements.GetAsync(supplierId, head.Period, cancellationToken).ConfigureAwait(false))!.Value.Position;
            var now = timeProvider.GetUtcNow();
            var (document, position, finished) = await ComputeAsync(supplierId, next, head, previous, stored, shop, SupplierStatementDocument.Closed, now, cancellationToken).ConfigureAwait(false);
            var statement = document.Statement;
            var message = events.Message(() => PurchasingEvents.StatementClosed(statement, now));
            if (await statements.CloseAsync(supplierId, next, head, StatementExport.ToJson(document), position, finished, message, cancellationToken).ConfigureAwait(false))
            {
                await events.TryPublishAsync(options.PurchasingTable, PurchasingRows.SupplierPartition(supplierId), message, cancellationToken).ConfigureAwait(false);
                LogClosed(logger, supplierId, next.Id, statement.Totals.Payable.Amount, statement.Currency);
                closed?.Add(next.Id);
            }
            else if (++lost >= MaxAttempts)
            {
                throw new InvalidOperationException($"Closing the statement of supplier {supplierId} for {next} met a concurrent change on each of {MaxAttempts} attempts.");
            }
        }
    }

    private async Task<StatementExport> StoredAsync(string supplierId, SettlementPeriod period, CancellationToken cancellationToken) =>
        StatementExport.FromJson((await statements.GetAsync(supplierId, period.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The head of supplier {supplierId} is past {period}, but that statement is not stored.")).Json);

    private async Task<(SupplierStatementDocument Document, SettlementPosition Position, IReadOnlyList<string> Finished)> ComputeAsync(
        string supplierId, SettlementPeriod period, StatementHead? head, SettlementPosition previous, StoredSupplierTerms stored, ShopSettings shop,
        string status, DateTimeOffset? closedAt, CancellationToken cancellationToken)
    {
        var claimsFrom = period;
        for (var i = 0; i < options.ClaimLookbackPeriods; i++)
        {
            claimsFrom = claimsFrom.Previous;
        }

        var read = await facts.ReadAsync(supplierId, stored.Terms, period, claimsFrom.Start, shop, cancellationToken).ConfigureAwait(false);
        var card = await grades.AsOfAsync(supplierId, period.End, cancellationToken).ConfigureAwait(false);
        var computation = StatementCalculator.Compute(new StatementInput(
            supplierId,
            period,
            head?.PeriodEnd ?? period.Start.AddDays(-1),
            stored.Terms,
            card.Grade,
            card.OnTimeInFull,
            read.Lines,
            read.Claims,
            claimsFrom.Start,
            previous));
        var finished = read.FinishedPurchaseOrders.ToHashSet(StringComparer.Ordinal);
        var position = computation.Position with { Lines = [.. computation.Position.Lines.Where(l => !finished.Contains(l.PurchaseOrderId))] };
        return (new SupplierStatementDocument(status, closedAt, computation.Statement), position, read.FinishedPurchaseOrders);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed the statement of supplier {SupplierId} for {Period}: {Payable} {Currency} payable.")]
    private static partial void LogClosed(ILogger logger, string supplierId, string period, decimal payable, string currency);
}
