namespace Presale.Functions.Features.Compensation;

/// <summary>The answer to a delay-consent action.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Outcome"><c>accepted</c> or <c>cancelled</c>.</param>
/// <param name="Promise">After an accept: the revised date now promised.</param>
/// <param name="CancellationReason">After a cancel: <c>customerCancelled</c>, or <c>noConsentByDeadline</c> when the accept came too late.</param>
/// <param name="Refund">After a cancel: the full refund due.</param>
/// <param name="Currency">The refund's currency.</param>
public sealed record DelayConsentView(string OrderId, string Outcome, DateOnly? Promise, string? CancellationReason, decimal? Refund, string? Currency);
