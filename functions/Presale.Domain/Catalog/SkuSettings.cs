using Presale.Domain.Common;
using Presale.Domain.Shop;

namespace Presale.Domain.Catalog;

/// <summary>
/// A SKU's pre-sale settings: whether pre-sale is on, the sale window, the cap of units sellable beyond confirmed
/// supply (0 = only confirmed supply), the most units one order may take, handling days (null = the shop's default),
/// how many days after the last confirmed supply a cap unit can be promised, and an optional category (returns rules).
/// </summary>
public sealed record SkuSettings
{
    /// <summary>The largest cap a SKU may carry.</summary>
    public const int MaxCap = 1_000_000;

    /// <summary>The largest per-order maximum a SKU may carry (an order line never asks for more).</summary>
    public const int MaxUnitsPerOrder = 10_000;

    /// <summary>The longest lead a cap unit may carry after the last confirmed supply.</summary>
    public const int MaxCapLeadDays = 365;

    /// <summary>Creates settings; arguments are checked (validate requests first for friendly errors).</summary>
    public SkuSettings(Sku sku, bool preSaleEnabled, DateTimeOffset? saleFrom, DateTimeOffset? saleTo, int cap, int maxPerOrder, int? handlingDays, int capLeadDays, string? category)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cap);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cap, MaxCap);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerOrder, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPerOrder, MaxUnitsPerOrder);
        ArgumentOutOfRangeException.ThrowIfNegative(capLeadDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capLeadDays, MaxCapLeadDays);
        if (handlingDays is { } days)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(days, nameof(handlingDays));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(days, ShopSettings.MaxHandlingDays, nameof(handlingDays));
        }

        if (saleFrom is { } from && saleTo is { } to && to <= from)
        {
            throw new ArgumentException("The sale window must end after it starts.", nameof(saleTo));
        }

        Sku = sku;
        PreSaleEnabled = preSaleEnabled;
        SaleFrom = saleFrom;
        SaleTo = saleTo;
        Cap = cap;
        MaxPerOrder = maxPerOrder;
        HandlingDays = handlingDays;
        CapLeadDays = capLeadDays;
        Category = category;
    }

    /// <summary>The SKU.</summary>
    public Sku Sku { get; }

    /// <summary>Whether the SKU may be sold ahead of supply at all.</summary>
    public bool PreSaleEnabled { get; }

    /// <summary>When the sale opens (inclusive); null = already open.</summary>
    public DateTimeOffset? SaleFrom { get; }

    /// <summary>When the sale closes (exclusive); null = open-ended.</summary>
    public DateTimeOffset? SaleTo { get; }

    /// <summary>Units sellable beyond on hand + confirmed inbound supply.</summary>
    public int Cap { get; }

    /// <summary>The most units of this SKU one order may take.</summary>
    public int MaxPerOrder { get; }

    /// <summary>Handling days for this SKU; null = the shop's default.</summary>
    public int? HandlingDays { get; }

    /// <summary>Days after the last confirmed supply a unit sold from the cap is promised.</summary>
    public int CapLeadDays { get; }

    /// <summary>Optional product category (returns rules use it).</summary>
    public string? Category { get; }

    /// <summary>Whether the SKU can be ordered at <paramref name="at"/>.</summary>
    public SaleAvailability AvailabilityAt(DateTimeOffset at) => this switch
    {
        { PreSaleEnabled: false } => SaleAvailability.PreSaleOff,
        { SaleFrom: { } from } when at < from => SaleAvailability.NotStarted,
        { SaleTo: { } to } when at >= to => SaleAvailability.Ended,
        _ => SaleAvailability.Open,
    };

    /// <summary>The handling days that apply, falling back to the shop's default.</summary>
    public int EffectiveHandlingDays(ShopSettings shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        return HandlingDays ?? shop.DefaultHandlingDays;
    }
}
