namespace Presale.Domain.Payments;

/// <summary>
/// An early-bird price: <see cref="UnitPrice"/> holds until <see cref="Until"/> (exclusive) and/or for the first
/// <see cref="FirstUnits"/> units sold at it, whichever ends first; at least one of the two limits is set.
/// </summary>
/// <param name="UnitPrice">The price of one unit while the tier holds.</param>
/// <param name="Until">When the tier ends; null = no date limit.</param>
/// <param name="FirstUnits">How many units the tier sells in all; null = no unit limit.</param>
public sealed record PriceTier(decimal UnitPrice, DateTimeOffset? Until, int? FirstUnits);
