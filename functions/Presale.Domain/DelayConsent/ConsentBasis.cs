namespace Presale.Domain.DelayConsent;

/// <summary>How the customer agreed to the delay now in force.</summary>
public enum ConsentBasis
{
    /// <summary>No delay has been agreed.</summary>
    None = 0,

    /// <summary>The customer did not object to a delay whose rules let silence count as consent.</summary>
    Silence = 1,

    /// <summary>The customer accepted the delay expressly.</summary>
    Express = 2,
}
