namespace Presale.Domain.Payments;

/// <summary>
/// The shop's dunning rules: after the n-th failed charge of an instalment, retry after <see cref="RetryAfter"/>[n-1]
/// (counted from that failure); once the retries are used up, wait for the customer to update the payment method;
/// <see cref="GracePeriod"/> after the first failure the line is cancelled. A capture ends dunning.
/// </summary>
/// <param name="RetryAfter">The waits before each retry, in order.</param>
/// <param name="GracePeriod">How long after the first failure the line is kept before it is cancelled.</param>
public sealed record DunningPolicy(IReadOnlyList<TimeSpan> RetryAfter, TimeSpan GracePeriod)
{
    /// <summary>What to do about an instalment with <paramref name="failures"/> (since its last capture, oldest first) at <paramref name="now"/>.</summary>
    public DunningDecision Decide(IReadOnlyList<PaymentOutcome> failures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 0)
        {
            return new DunningDecision(DunningAction.None, null, 0);
        }

        var graceEnds = failures[0].At + GracePeriod;
        if (now >= graceEnds)
        {
            return new DunningDecision(DunningAction.CancelLine, graceEnds, failures.Count);
        }

        if (failures.Count <= RetryAfter.Count)
        {
            var retryAt = failures[^1].At + RetryAfter[failures.Count - 1];
            if (retryAt < graceEnds)
            {
                return new DunningDecision(DunningAction.Retry, retryAt, failures.Count);
            }
        }

        return new DunningDecision(DunningAction.AwaitCustomer, graceEnds, failures.Count);
    }
}
