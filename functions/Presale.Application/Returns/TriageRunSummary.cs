namespace Presale.Application.Returns;

/// <summary>What one run of the triage timer did.</summary>
/// <param name="Returns">Returns whose units this run decided.</param>
/// <param name="UnitsDecided">Units this run decided (a unit decided by a concurrent run is not counted here).</param>
/// <param name="OutboxRowsFinished">Outbox rows left behind earlier that this run finished.</param>
/// <param name="OutboxRowsFailed">Outbox rows this run could not read or do (left for the next run; each is logged).</param>
/// <param name="ReturnsFailed">Returns this run could not triage (left in the triage index; each is logged).</param>
public sealed record TriageRunSummary(int Returns, int UnitsDecided, int OutboxRowsFinished, int OutboxRowsFailed, int ReturnsFailed)
{
    /// <summary>Rows and returns that failed: the run did what it could, but is not a success.</summary>
    public int Failures => OutboxRowsFailed + ReturnsFailed;
}
