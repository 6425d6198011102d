using Presale.Domain.Returns;

namespace Presale.Application.Returns;

/// <summary>
/// The manual review queue (<c>GET /api/returns?status=review</c>): the <c>review|</c> index range of each return
/// partition, read in partition order with a page limit. The continuation is the last return id listed (it names its
/// partition), so each page costs at most one range query per remaining partition, never a scan.
/// </summary>
public sealed class ReviewQueueQuery(ReturnRepository returns)
{
    /// <summary>The only status with an index to list by.</summary>
    public const string ReviewStatus = "review";

    /// <summary>The default and largest page sizes.</summary>
    public const int DefaultLimit = 20, MaxLimit = 100;

    /// <summary>Lists returns waiting for review.</summary>
    public async Task<ReviewQueueResult> ListAsync(string? status, int? limit, string? continuation, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!string.Equals(status, ReviewStatus, StringComparison.OrdinalIgnoreCase))
        {
            errors["status"] = [$"Returns are listed by status '{ReviewStatus}' (the manual review queue); read other returns by id."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"A limit is between 1 and {MaxLimit}."];
        }

        string? startPartition = null;
        if (continuation is not null && (startPartition = ReturnIds.PartitionOf(continuation)) is null)
        {
            errors["continuation"] = ["Not a continuation from an earlier page."];
        }

        if (errors.Count > 0)
        {
            return new ReviewQueueResult.Invalid(errors);
        }

        var take = limit ?? DefaultLimit;
        var items = new List<ReviewQueueItem>();
        var partitions = ReturnIds.Partitions.SkipWhile(p => startPartition is not null && p != startPartition);
        string? last = null;
        foreach (var partition in partitions)
        {
            var after = partition == startPartition ? ReturnRows.Review(continuation!) : null;
            var rows = await returns.IndexPageAsync(partition, ReturnRows.ReviewPrefix, after, take - items.Count + 1, cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                if (items.Count == take)
                {
                    return new ReviewQueueResult.Listed(new ReviewQueuePage(items, last));
                }

                items.Add(new ReviewQueueItem(
                    row.GetString("ReturnId")!,
                    row.GetString("OrderId") ?? string.Empty,
                    row.GetString("CustomerId") ?? string.Empty,
                    Enum.TryParse<ReturnStatus>(row.GetString("Status"), out var s) ? s : ReturnStatus.Received,
                    (row.GetString("Units") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
                    row.GetString("Basis") ?? string.Empty,
                    row.GetDateTimeOffset("Since")));
                last = items[^1].ReturnId;
            }
        }

        return new ReviewQueueResult.Listed(new ReviewQueuePage(items, null));
    }
}
