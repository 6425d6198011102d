namespace Presale.Domain.Returns;

/// <summary>Why the customer returns a unit, as chosen at intake. <see cref="ReturnReasons.IsShopAtFault"/> splits them.</summary>
public enum ReturnReason
{
    /// <summary>The customer changed their mind (customer's choice).</summary>
    ChangedMind = 0,

    /// <summary>Wrong size or fit (customer's choice).</summary>
    DoesNotFit = 1,

    /// <summary>The item does not work (shop at fault).</summary>
    Defective = 2,

    /// <summary>The item arrived damaged (shop at fault: packing or carrier).</summary>
    DamagedInTransit = 3,

    /// <summary>A different item was sent (shop at fault).</summary>
    WrongItem = 4,

    /// <summary>The item differs from its description (shop at fault).</summary>
    NotAsDescribed = 5,

    /// <summary>The item arrived after its promised date (shop at fault).</summary>
    ArrivedLate = 6,
}
