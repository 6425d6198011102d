namespace Presale.Domain.Supply;

/// <summary>What an order line was promised: a shop-local date and the supply it was promised from.</summary>
/// <param name="PromisedOn">The date the customer was promised (dispatch date in the shop's calendar).</param>
/// <param name="Source">The supply backing the promise (the latest source the line draws on).</param>
public sealed record LinePromise(DateOnly PromisedOn, SupplySource Source);
