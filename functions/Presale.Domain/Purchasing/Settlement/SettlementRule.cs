namespace Presale.Domain.Purchasing.Settlement;

/// <summary>
/// The rules that put money on a statement: the first five settle a purchase-order line (and are tracked per line in
/// its <see cref="LinePosition"/>), the others the supplier as a whole.
/// </summary>
public enum SettlementRule
{
    /// <summary>Goods received: units paid (up to the units ordered) × unit cost.</summary>
    Goods = 0,

    /// <summary>Units delivered before the on-time window: charged back at the late-units rate.</summary>
    EarlyUnits = 1,

    /// <summary>Units delivered after the on-time window: charged back at the late-units rate.</summary>
    LateUnits = 2,

    /// <summary>Accepted units the supplier cut from a line: charged back at the short-units rate.</summary>
    ShortUnits = 3,

    /// <summary>An accepted line cancelled with nothing delivered: charged back at the cancelled-line rate on the accepted units.</summary>
    CancelledLine = 4,

    /// <summary>A unit returns triage sent back to the supplier: credited at its cost.</summary>
    ReturnToVendor = 5,

    /// <summary>The rebate of the supplier's grade, on the statement's goods.</summary>
    GradeRebate = 6,

    /// <summary>The rebate of the volume tier the statement's goods reach.</summary>
    VolumeRebate = 7,
}
