namespace Presale.Application.Returns;

/// <summary>
/// Work that goes with a return's state change, written to the outbox in the same transaction as that change and done
/// afterwards (at once, or by the triage timer's outbox sweep if the process died). Doing it twice is harmless: every
/// effect is idempotent by <paramref name="Id"/>.
/// </summary>
/// <param name="Id">Stable id (also the published message id).</param>
/// <param name="Kind">What to do.</param>
/// <param name="Target">The queue to publish to, or the SKU to restock, or the supplier claimed against.</param>
/// <param name="Subject">The message subject.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="CorrelationId">The return.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record ReturnEffect(string Id, ReturnEffectKind Kind, string Target, string Subject, string Body, string CorrelationId, DateTimeOffset CreatedAt);
