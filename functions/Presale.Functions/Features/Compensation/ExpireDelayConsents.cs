using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.DelayConsent;

namespace Presale.Functions.Features.Compensation;

/// <summary>
/// Timer function: cancels and refunds orders whose delay-consent deadline passed without consent, and publishes
/// notices left behind. The sweep carries on past a row that fails; the invocation then fails at the end, naming the
/// rows, so the host records it (those rows stay due and the next run retries them).
/// </summary>
public sealed partial class ExpireDelayConsents(ExpireDelayConsentsSweep sweep, ILogger<ExpireDelayConsents> logger)
{
    /// <summary>Runs on the schedule in the app setting <c>ExpireDelayConsentsSchedule</c>.</summary>
    [Function(nameof(ExpireDelayConsents))]
    public async Task RunAsync([TimerTrigger("%ExpireDelayConsentsSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var result = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, result.Expired, result.Finished, result.Published, result.Failed, result.OutOfTime);
        if (result.Failed > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{result.Failed} due rows failed and stay due (first: {string.Join(", ", result.FailedIds)}); the other rows were swept."));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ExpireDelayConsents: {Expired} expired, {Finished} cancellations finished, {Published} notices published, {Failed} failed, out of time: {OutOfTime}.")]
    private static partial void LogSwept(ILogger logger, int expired, int finished, int published, int failed, bool outOfTime);
}
