namespace Presale.Application.Returns;

/// <summary>What one sweep of the returns outbox did.</summary>
/// <param name="Finished">Rows done and removed.</param>
/// <param name="Failed">Rows that could not be read or done; they stay for the next sweep (each is logged).</param>
public sealed record ReturnSweepResult(int Finished, int Failed);
