using Presale.Domain.Catalog;
using Presale.Domain.Common;

namespace Presale.Domain.Tests.Catalog;

public sealed class SkuSettingsTests
{
    private static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AvailabilityAt_HonoursTheSwitchAndTheWindow()
    {
        var settings = new SkuSettings(Sku.From("A"), true, From, To, 0, 5, null, 14, null);

        Assert.Equal(SaleAvailability.NotStarted, settings.AvailabilityAt(From.AddTicks(-1)));
        Assert.Equal(SaleAvailability.Open, settings.AvailabilityAt(From));
        Assert.Equal(SaleAvailability.Ended, settings.AvailabilityAt(To));
        Assert.Equal(SaleAvailability.PreSaleOff, new SkuSettings(Sku.From("A"), false, null, null, 0, 5, null, 14, null).AvailabilityAt(From));
    }

    [Fact]
    public void AWindowEndingBeforeItStarts_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new SkuSettings(Sku.From("A"), true, To, From, 0, 5, null, 14, null));
}
