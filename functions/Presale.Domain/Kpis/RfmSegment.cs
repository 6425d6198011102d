namespace Presale.Domain.Kpis;

/// <summary>
/// The customer groups RFM scores fall into (recency and frequency decide; monetary orders customers within a group).
/// The shop maps them to its tiers, for instance Champions → platinum, Loyal and CannotLose → gold, Promising and New
/// → silver, the rest → standard.
/// </summary>
public enum RfmSegment
{
    /// <summary>Bought recently and often (R 4–5, F 4–5).</summary>
    Champions = 0,

    /// <summary>Buy regularly (R 3–5, F 3–5, not champions).</summary>
    Loyal = 1,

    /// <summary>First order recently (R 4–5, F 1).</summary>
    New = 2,

    /// <summary>Recent, not yet frequent (R 3–5, F 1–2, not new).</summary>
    Promising = 3,

    /// <summary>Used to buy often, not lately (R 1–2, F 4–5).</summary>
    CannotLose = 4,

    /// <summary>Bought fairly often, not lately (R 1–2, F 3).</summary>
    AtRisk = 5,

    /// <summary>Rarely and long ago (R 1–2, F 1–2).</summary>
    Hibernating = 6,
}
