using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Presale.Application.Storage;

namespace Presale.Application.Compensation;

/// <summary>
/// How the compensation and delay-consent timers walk their due indexes. Rows stream in one page at a time; up to
/// <c>concurrency</c> rows are worked on at once; once the run's time is up no new row is started (rows in flight
/// finish), so a run ends before the host's function timeout; and an exception on one row is logged with the row's id
/// and counted while the sweep carries on with the next row. A row that failed or was not reached stays in its index,
/// so the next run takes it up: every row's work must be safe to repeat, and a row whose work is done must leave the
/// range the sweep reads (moved to a later date or deleted), which is what lets the next run resume.
/// </summary>
/// <remarks>
/// A failure to read the index itself (the page query) is not a row's failure: it ends the sweep with the exception,
/// after the rows in flight finish.
/// </remarks>
public sealed partial class BoundedSweep
{
    /// <summary>How many failed ids a result lists (the count covers them all).</summary>
    public const int FailedIdsReported = 20;

    private readonly string _name;
    private readonly int _concurrency;
    private readonly DateTimeOffset _stopAt;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>A sweep named <paramref name="name"/> (for logs) that starts no row at or after <paramref name="stopAt"/>.</summary>
    public BoundedSweep(string name, int concurrency, DateTimeOffset stopAt, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        (_name, _concurrency, _stopAt, _timeProvider, _logger) = (name, concurrency, stopAt, timeProvider, logger);
    }

    /// <summary>
    /// Runs <paramref name="work"/> for each row of <paramref name="rows"/> until the rows or the time run out.
    /// <paramref name="idOf"/> names a row in logs and in <see cref="SweepProgress.FailedIds"/>.
    /// </summary>
    public async Task<SweepProgress> RunAsync(
        IAsyncEnumerable<TableEntity> rows,
        Func<TableEntity, string> idOf,
        Func<TableEntity, CancellationToken, Task> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentNullException.ThrowIfNull(work);
        var processed = 0;
        var failed = 0;
        var failedIds = new List<string>();
        var outOfTime = new StrongBox<bool>(false);
        var options = new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(UntilTimeIsUp(rows, outOfTime, cancellationToken), options, async (row, token) =>
        {
            try
            {
                await work(row, token).ConfigureAwait(false);
                Interlocked.Increment(ref processed);
            }
            catch (Exception error) when (error is not OperationCanceledException || !token.IsCancellationRequested)
            {
                var id = idOf(row);
                LogRowFailed(_logger, error, _name, id);
                Interlocked.Increment(ref failed);
                lock (failedIds)
                {
                    if (failedIds.Count < FailedIdsReported)
                    {
                        failedIds.Add(id);
                    }
                }
            }
        }).ConfigureAwait(false);

        if (outOfTime.Value)
        {
            LogOutOfTime(_logger, _name, processed + failed);
        }

        return new SweepProgress(processed, failed, failedIds, outOfTime.Value);
    }

    private async IAsyncEnumerable<TableEntity> UntilTimeIsUp(
        IAsyncEnumerable<TableEntity> rows,
        StrongBox<bool> outOfTime,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (_timeProvider.GetUtcNow() >= _stopAt)
            {
                outOfTime.Value = true;
                yield break;
            }

            yield return row;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sweep}: {Id} failed; it stays due and the sweep goes on.")]
    private static partial void LogRowFailed(ILogger logger, Exception error, string sweep, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sweep}: out of time after {Rows} rows; the next run resumes with the rows still due.")]
    private static partial void LogOutOfTime(ILogger logger, string sweep, int rows);
}
