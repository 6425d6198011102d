namespace Presale.Application.Returns;

/// <summary>What one run of the triage timer did.</summary>
/// <param name="Returns">Returns whose units this run decided.</param>
/// <param name="UnitsDecided">Units this run decided (a unit decided by a concurrent run is not counted here).</param>
/// <param name="OutboxRowsFinished">Outbox rows left behind earlier that this run finished.</param>
public sealed record TriageRunSummary(int Returns, int UnitsDecided, int OutboxRowsFinished);
