namespace Presale.Application.DelayConsent;

/// <summary>What one run of <see cref="ExpireDelayConsentsSweep"/> did.</summary>
/// <param name="Expired">Cases whose deadline passed without consent, now cancelled.</param>
/// <param name="Finished">Cancellations finished (order cancelled and refunded, notice written).</param>
/// <param name="Published">Notification rows left by earlier requests and published now.</param>
public sealed record ConsentSweepResult(int Expired, int Finished, int Published);
