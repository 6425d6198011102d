namespace Presale.Domain.Reconciliation;

/// <summary>How one SKU is re-planned.</summary>
/// <param name="Priority">Who is served first when supply is short (the shop's configuration).</param>
/// <param name="Calendar">The shop's time zone and the SKU's handling days.</param>
public sealed record ReplanSettings(PriorityRule Priority, PromiseCalendar Calendar);
