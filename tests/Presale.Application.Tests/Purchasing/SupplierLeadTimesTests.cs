using Presale.Application.Replenishment;
using Presale.Application.Suppliers;
using Presale.Domain.Suppliers;

namespace Presale.Application.Tests.Purchasing;

public sealed class SupplierLeadTimesTests
{
    private static CancellationToken Ct => PurchasingHarness.Ct;

    [Fact]
    public async Task ASuppliersLeadTime_IsReadOncePerMinute_ThenLearnedAgain()
    {
        var h = new PurchasingHarness();
        await h.SupplierAsync("acme", defaultLeadTimeDays: 9);
        await h.SupplierAsync("bolt", defaultLeadTimeDays: 4);
        var history = new CountingLotHistory(h.History);
        var leadTimes = new SupplierLeadTimes(history, h.Registry, h.Replenishment, h.Time);

        Assert.Equal(9, (await leadTimes.ForAsync("acme", Ct)).Days);
        Assert.Equal(9, (await leadTimes.ForAsync("acme", Ct)).Days);
        Assert.Equal(4, (await leadTimes.ForAsync("bolt", Ct)).Days);
        Assert.Equal(["acme", "bolt"], history.Reads);

        h.Time.Advance(SupplierCache<SupplierLeadTime>.Duration);
        Assert.Equal(9, (await leadTimes.ForAsync("acme", Ct)).Days);
        Assert.Equal(["acme", "bolt", "acme"], history.Reads);
    }

    private sealed class CountingLotHistory(ISupplierLotHistory inner) : ISupplierLotHistory
    {
        public List<string> Reads { get; } = [];

        public Task<IReadOnlyList<LotHistory>> GetLotsAsync(string supplierId, CancellationToken cancellationToken = default)
        {
            Reads.Add(supplierId);
            return inner.GetLotsAsync(supplierId, cancellationToken);
        }
    }
}
