namespace Presale.Functions.Features.Compensation;

/// <summary>The link page's form post to <c>POST /api/consent</c> (<c>application/x-www-form-urlencoded</c>).</summary>
/// <param name="Token">The signed link token (a hidden field).</param>
/// <param name="Action">The button pressed: <c>accept</c> or <c>cancel</c>.</param>
public sealed record ConsentLinkForm(string Token, string Action);
