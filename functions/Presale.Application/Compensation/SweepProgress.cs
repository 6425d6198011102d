namespace Presale.Application.Compensation;

/// <summary>What one <see cref="BoundedSweep.RunAsync"/> did.</summary>
/// <param name="Processed">Rows whose work completed.</param>
/// <param name="Failed">Rows whose work threw (logged with their id; they stay due).</param>
/// <param name="FailedIds">The first <see cref="BoundedSweep.FailedIdsReported"/> failed ids.</param>
/// <param name="OutOfTime">True when the run's time was up before the rows were: the next run resumes.</param>
public sealed record SweepProgress(int Processed, int Failed, IReadOnlyList<string> FailedIds, bool OutOfTime)
{
    /// <summary>Nothing done.</summary>
    public static SweepProgress None { get; } = new(0, 0, [], false);

    /// <summary>This phase followed by <paramref name="next"/> in the same run.</summary>
    public SweepProgress Then(SweepProgress next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new(Processed + next.Processed, Failed + next.Failed, [.. FailedIds.Concat(next.FailedIds).Take(BoundedSweep.FailedIdsReported)], OutOfTime || next.OutOfTime);
    }
}
