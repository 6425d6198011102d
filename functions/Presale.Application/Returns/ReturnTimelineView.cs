using Presale.Domain.Returns;

namespace Presale.Application.Returns;

/// <summary>A status the return entered.</summary>
/// <param name="Status">The status.</param>
/// <param name="At">When.</param>
/// <param name="Note">A reason, tracking reference or amount, if any.</param>
public sealed record ReturnTimelineView(ReturnStatus Status, DateTimeOffset At, string? Note);
