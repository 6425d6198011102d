using Presale.Domain.Common;

namespace Presale.Domain.Returns;

/// <summary>What the customer asked for at intake (already shape-validated by the HTTP layer).</summary>
/// <param name="OrderId">The order the units come from.</param>
/// <param name="CustomerId">The customer making the request (must own the order).</param>
/// <param name="Lines">The lines and quantities to return.</param>
/// <param name="ReturnShippingCost">What the return label would cost the shop, when known (drives keep-it rules).</param>
/// <param name="PhotoUrls">Photos the customer attached, if any.</param>
public sealed record ReturnIntake(
    string OrderId,
    string CustomerId,
    IReadOnlyList<ReturnIntakeLine> Lines,
    Money? ReturnShippingCost = null,
    IReadOnlyList<Uri>? PhotoUrls = null);
