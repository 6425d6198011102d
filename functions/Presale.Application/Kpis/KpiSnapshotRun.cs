namespace Presale.Application.Kpis;

/// <summary>The snapshot timer's use case: read the facts, build the snapshot, write its changed rows.</summary>
public sealed class KpiSnapshotRun(KpiFactsReader reader, KpiSnapshotStore snapshots, KpiOptions options, TimeProvider time)
{
    /// <summary>Runs once; the rows written, or null while the shop is not configured (nothing to measure).</summary>
    public async Task<int?> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var facts = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (facts is null)
        {
            return null;
        }

        return await snapshots.WriteAsync(KpiSnapshotBuilder.Build(facts, now, options), cancellationToken).ConfigureAwait(false);
    }
}
