namespace Presale.Domain.Payments;

/// <summary>What an instalment pays for, which also says what makes it fall due.</summary>
public enum InstalmentKind
{
    /// <summary>The whole line, due at order.</summary>
    Full,

    /// <summary>The deposit on a line, due at order.</summary>
    Deposit,

    /// <summary>The rest of a deposit line, due when the line is ready to ship.</summary>
    Balance,

    /// <summary>The whole line, due when the line ships.</summary>
    OnShip,
}
