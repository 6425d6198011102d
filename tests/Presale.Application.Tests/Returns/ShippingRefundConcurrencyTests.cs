using Presale.Application.Returns;
using Presale.Application.Storage;
using Presale.Domain.Returns;
using Presale.Domain.Returns.Triage;

namespace Presale.Application.Tests.Returns;

/// <summary>
/// Returns of one order settled at the same time never refund more original shipping than the order charged: the
/// per-order claim row is ETag-guarded, so of two settlements that read the same version only one takes the shipping.
/// Runs against every store a subclass supplies (the twin here, Azurite through the Table Storage REST adapter).
/// </summary>
public abstract class ShippingRefundConcurrencyTests
{
    private const decimal Charge = 4.90m;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoShopAtFaultReturnsSettledAtOnce_RefundTheShippingOnce()
    {
        var h = new ReturnsHarness(CreateStore(), TablePrefix()) { ShippingCharge = Charge };
        var orderId = await h.DeliveredOrderAsync("c1", ("TV-1", 2, 899m));
        var first = await OriginalShippingRefundTests.ReceivedAsync(h, "k1", orderId, ReturnReason.Defective);
        var second = await OriginalShippingRefundTests.ReceivedAsync(h, "k2", orderId, ReturnReason.DamagedInTransit);

        // Both settlements read the order's shipping row before either writes it.
        h.Gate.Arm(ReturnRowsShipping, parties: 2);
        var decided = await Task.WhenAll(DecideAsync(h, first), DecideAsync(h, second));

        var refunds = await RefundsAsync(h, first, second);
        Assert.All(decided, d => Assert.Equal(ReturnStatus.Refunded, d.Status));
        Assert.Equal(Charge, refunds.Sum(r => r.OriginalShipping));
        Assert.Single(refunds, r => r.OriginalShipping == Charge);
        Assert.Contains(h.Gate.RefusedWrites, w => w.PartitionKey == "order|" + orderId && w.RowKey == ReturnRowsShipping);
    }

    [Fact]
    public async Task ManyReturnsOfOneOrderSettledInParallel_NeverRefundMoreShippingThanCharged()
    {
        const int returns = 6;
        var h = new ReturnsHarness(CreateStore(), TablePrefix()) { ShippingCharge = Charge };
        var orderId = await h.DeliveredOrderAsync("c1", ("TV-1", returns, 899m));
        var ids = new List<string>();
        for (var i = 0; i < returns; i++)
        {
            ids.Add(await OriginalShippingRefundTests.ReceivedAsync(h, "k" + i, orderId, i % 2 == 0 ? ReturnReason.Defective : ReturnReason.WrongItem));
        }

        await Task.WhenAll(ids.Select(id => DecideAsync(h, id)));

        var refunds = await RefundsAsync(h, [.. ids]);
        Assert.Equal(returns, refunds.Count);
        Assert.Equal(Charge, refunds.Sum(r => r.OriginalShipping));
        Assert.Equal(returns * 899m + Charge, refunds.Sum(r => r.Total));
        var claims = await h.Returns.GetShippingClaimsAsync(orderId, Ct);
        Assert.Equal(Charge, Assert.Single(claims.ByReturn).Value);
    }

    protected abstract ITableStore CreateStore();

    protected abstract string TablePrefix();

    private const string ReturnRowsShipping = "shipping";

    private static async Task<ReturnView> DecideAsync(ReturnsHarness h, string returnId) =>
        await h.DoneAsync(h.Lifecycle.DecideAsync(returnId, new DecideUnitRequest("TV-1:1", TriageAction.Restock, "ops-1", null), Ct));

    // Read back from storage: the refund records as written, not the answers.
    private static async Task<List<RefundView>> RefundsAsync(ReturnsHarness h, params string[] returnIds)
    {
        var refunds = new List<RefundView>();
        foreach (var id in returnIds)
        {
            var stored = await h.Returns.GetAsync(id, Ct);
            Assert.NotNull(await h.Returns.GetRefundRecordAsync(id, Ct));
            refunds.Add(ReturnView.From(stored!.Request).Refund!);
        }

        return refunds;
    }
}

