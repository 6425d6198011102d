namespace Presale.Domain.Suppliers;

/// <summary>What happened to one inbound lot: the supplier's first promise, every ETA change, and how it ended.</summary>
/// <param name="LotId">The lot.</param>
/// <param name="SupplierId">The supplier that promised it.</param>
/// <param name="FirstPromisedEta">The ETA the supplier first promised — the date it is measured against.</param>
/// <param name="EtaChanges">Applied ETA updates in any order (sorted by <see cref="EtaChange.ChangedAt"/> when counted).</param>
/// <param name="OrderedQuantity">Units ordered on the lot (positive).</param>
/// <param name="ReceivedQuantity">Units received so far, over all split deliveries.</param>
/// <param name="ReceivedOn">The date of the final receipt that closed the lot; null while it is still open.</param>
/// <param name="Cancelled">True when the supplier cancelled the lot (or its remainder).</param>
/// <param name="ReturnToVendorClaims">Return-to-vendor claims raised against the lot's goods.</param>
/// <param name="RegisteredOn">The day the lot became known (registered, or its purchase order acknowledged); null when not known.</param>
public sealed record LotHistory(
    string LotId,
    string SupplierId,
    DateOnly FirstPromisedEta,
    IReadOnlyList<EtaChange> EtaChanges,
    int OrderedQuantity,
    int ReceivedQuantity,
    DateOnly? ReceivedOn,
    bool Cancelled = false,
    int ReturnToVendorClaims = 0,
    DateOnly? RegisteredOn = null)
{
    /// <summary>True once the lot was received in full or finally, or cancelled.</summary>
    public bool IsClosed => ReceivedOn is not null || Cancelled;

    /// <summary>Days the final receipt came after the first promised ETA (negative = early); null until received.</summary>
    public int? SlipDays => Cancelled || ReceivedOn is not { } on ? null : on.DayNumber - FirstPromisedEta.DayNumber;

    /// <summary>Days from the lot becoming known to its final receipt: the supplier's real lead time on it; null until received, or when cancelled or undated.</summary>
    public int? LeadTimeDays => Cancelled || ReceivedOn is not { } on || RegisteredOn is not { } from ? null : Math.Max(0, on.DayNumber - from.DayNumber);

    /// <summary>Times the lot's ETA passed without full receipt or word from the supplier, so Presale estimated a new one.</summary>
    public int SilentOverruns => EtaChanges.Count(c => c.SystemEstimated);

    /// <summary>ETA changes that actually moved the date (system estimates included: each is a slip), in the order recorded.</summary>
    public int EffectiveEtaChanges
    {
        get
        {
            var count = 0;
            var current = FirstPromisedEta;
            foreach (var change in EtaChanges.OrderBy(c => c.ChangedAt))
            {
                if (change.NewEta != current)
                {
                    count++;
                    current = change.NewEta;
                }
            }

            return count;
        }
    }
}
