namespace Presale.Domain.Suppliers;

/// <summary>Where a supplier's lead time comes from.</summary>
public enum LeadTimeBasis
{
    /// <summary>The percentile of its real lead times: lot known to final receipt, over its recent received lots.</summary>
    History = 0,

    /// <summary>Too few received lots: the default lead time registered for the supplier.</summary>
    SupplierDefault = 1,

    /// <summary>Too few received lots and none registered: the shop-wide default.</summary>
    PolicyDefault = 2,
}
