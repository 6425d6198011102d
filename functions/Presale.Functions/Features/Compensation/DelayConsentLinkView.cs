namespace Presale.Functions.Features.Compensation;

/// <summary>What a one-click consent link would do (<c>GET /api/consent</c> changes nothing).</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Actions">The actions the link allows (<c>accept</c>, <c>cancel</c>).</param>
/// <param name="DelayNumber">The delay notice it answers.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record DelayConsentLinkView(string OrderId, IReadOnlyList<string> Actions, int DelayNumber, DateTimeOffset ExpiresAt);
