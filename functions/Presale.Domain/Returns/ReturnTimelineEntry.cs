namespace Presale.Domain.Returns;

/// <summary>One status change in a return's history (shown by <c>GET /api/returns/{id}</c>).</summary>
/// <param name="Status">The status entered.</param>
/// <param name="At">When.</param>
/// <param name="Note">Why, when there is more to say (rejection reason, tracking reference).</param>
public sealed record ReturnTimelineEntry(ReturnStatus Status, DateTimeOffset At, string? Note = null);
