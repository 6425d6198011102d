namespace Presale.Domain.Suppliers;

/// <summary>Why a promise buffer has the size it has.</summary>
public enum PromiseBufferBasis
{
    /// <summary>The percentile of the supplier's recent slips.</summary>
    SlipHistory = 0,

    /// <summary>The percentile exceeded the policy's maximum and was capped.</summary>
    Capped = 1,

    /// <summary>Too few received lots to learn from: no buffer.</summary>
    InsufficientHistory = 2,
}
