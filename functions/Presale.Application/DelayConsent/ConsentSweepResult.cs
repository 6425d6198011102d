namespace Presale.Application.DelayConsent;

/// <summary>What one run of <see cref="ExpireDelayConsentsSweep"/> did.</summary>
/// <param name="Expired">Cases whose deadline passed without consent, now cancelled.</param>
/// <param name="Finished">Cancellations finished (order cancelled and refunded, notice written).</param>
/// <param name="Published">Notification rows left by earlier requests and published now.</param>
/// <param name="Failed">Rows whose processing threw (logged with their id); they stay due and the next run retries them.</param>
/// <param name="FailedIds">The first failed order ids (deadline rows) and notification row keys.</param>
/// <param name="OutOfTime">True when the run stopped at its time budget with rows still due; the next run resumes.</param>
public sealed record ConsentSweepResult(int Expired, int Finished, int Published, int Failed, IReadOnlyList<string> FailedIds, bool OutOfTime);
