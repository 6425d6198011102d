using Presale.Application.Storage;

namespace Presale.Application.Returns;

/// <summary>
/// The original shipping of an order taken by its returns, per return id, as stored (one row per order, written with
/// its ETag so two returns of the same order settled at once cannot both take the same shipping).
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="ByReturn">Return id → amount of original shipping it refunds, in the order's currency.</param>
/// <param name="ETag">The row's version, or null when there is no row yet.</param>
public sealed record OrderShippingClaims(string OrderId, Dictionary<string, decimal> ByReturn, ETag? ETag);
