using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Payments;
using Presale.Application.Tests.Orders;
using Presale.Testing;
using static Presale.Application.Tests.Orders.OrderingHarness;

namespace Presale.Application.Tests.Payments;

/// <summary>An order's payment ledger under parallel payment outcomes, against real Azurite.</summary>
public sealed class AzuriteOrderPaymentsTests(AzuriteFixture azurite)
{
    /// <summary>
    /// 24 payment clients capture 2.00 each on the 27.99 balance at once, each under its own payment id: every write is
    /// ETag-guarded, so 13 are recorded (26.00), the rest refused as more than is owed, and the ledger holds exactly the
    /// recorded ones.
    /// </summary>
    [Fact]
    public async Task ParallelCaptures_NeverTakeMoreThanTheInstalmentOwes()
    {
        var prefix = AzuriteFixture.UniqueName("p");
        var (_, payments, orderId) = await OrderPaymentsHandlerTests.DepositOrderAsync(new OrderingHarness(Store(), tablePrefix: prefix), prefix + "payments");

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => payments.RecordAsync(orderId, OrderPaymentsHandlerTests.Capture($"pay-{i}", "1-balance", 2m), Ct))));

        var recorded = results.OfType<RecordPaymentResult.Recorded>().ToList();
        Assert.Equal(13, recorded.Count);
        Assert.All(results.Except(recorded), r => Assert.Equal(["amount"], Assert.IsType<RecordPaymentResult.Invalid>(r).Errors.Keys));
        var view = (await payments.GetAsync(orderId, Ct))!;
        Assert.Equal((26m, 1.99m), (view.Instalments[1].Captured, view.Instalments[1].Outstanding));
        Assert.Equal(recorded.Select(r => r.Outcome.PaymentId).Order(), view.Outcomes.Select(o => o.PaymentId).Order());
    }

    private TableStorageStore Store() =>
        new(StorageAccount.FromConnectionString(azurite.ConnectionString), new StorageClientOptions());
}
