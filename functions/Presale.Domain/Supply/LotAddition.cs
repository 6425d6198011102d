namespace Presale.Domain.Supply;

/// <summary>What adding a lot line to a ledger did.</summary>
public enum LotAddition
{
    /// <summary>The lot line is new and was added.</summary>
    Added,

    /// <summary>The same lot line was already there: nothing changed.</summary>
    AlreadyPresent,

    /// <summary>A different line with the same supplier and lot id is there: nothing changed.</summary>
    Conflict,
}
