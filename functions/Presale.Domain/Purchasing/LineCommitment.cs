namespace Presale.Domain.Purchasing;

/// <summary>
/// The supplier's word on a line: the quantity and ETA of its <b>first</b> acceptance. It never changes afterwards
/// (later acknowledgements may cut the quantity or move the ETA, but are measured against this), and it is what the
/// line's inbound lot is registered with.
/// </summary>
/// <param name="Quantity">Units accepted first (≥ 1).</param>
/// <param name="Eta">The ETA given with it (shop-local date).</param>
/// <param name="At">When it was recorded.</param>
/// <param name="EventId">The acknowledgement event that gave it.</param>
public sealed record LineCommitment(int Quantity, DateOnly Eta, DateTimeOffset At, string EventId);
