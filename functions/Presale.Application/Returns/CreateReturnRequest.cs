namespace Presale.Application.Returns;

/// <summary>The body of <c>POST /api/returns</c> (sent with an <c>Idempotency-Key</c> header).</summary>
/// <param name="OrderId">The order the units come from.</param>
/// <param name="CustomerId">The customer asking (must have placed the order).</param>
/// <param name="Lines">The SKUs and units to return, each with a reason.</param>
/// <param name="PhotoUrls">Optional photos (absolute http/https URLs).</param>
public sealed record CreateReturnRequest(string? OrderId, string? CustomerId, IReadOnlyList<CreateReturnLineRequest?>? Lines, IReadOnlyList<string?>? PhotoUrls);
