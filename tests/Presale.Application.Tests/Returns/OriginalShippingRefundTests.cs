using Presale.Application.Returns;
using Presale.Domain.Returns;
using Presale.Domain.Returns.Triage;

namespace Presale.Application.Tests.Returns;

/// <summary>
/// Original shipping in return refunds: the order's shipping charge is added to a refund when the shop is at fault, once
/// per order across all its returns, and never for a return the customer is at fault for.
/// </summary>
public sealed class OriginalShippingRefundTests
{
    private const decimal Charge = 4.90m;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShopAtFaultReturns_RefundTheOriginalShippingOnce_AcrossTwoReturnsOfTheOrder()
    {
        var h = new ReturnsHarness { ShippingCharge = Charge };
        var orderId = await h.DeliveredOrderAsync("c1", ("TV-1", 2, 899m));

        var first = await RefundedAsync(h, "k1", orderId, ReturnReason.Defective);
        var second = await RefundedAsync(h, "k2", orderId, ReturnReason.Defective);

        Assert.Equal((899m, Charge, 899m + Charge), (first.Goods, first.OriginalShipping, first.Total));
        Assert.Equal((899m, 0m, 899m), (second.Goods, second.OriginalShipping, second.Total));
        var record = await h.Returns.GetRefundRecordAsync(first.Key, Ct);
        Assert.Equal(Charge, record!.GetDecimal("OriginalShippingRefund"));
        Assert.Equal(Charge, (await h.Returns.GetShippingClaimsAsync(orderId, Ct)).ByReturn.Values.Sum());
    }

    [Fact]
    public async Task CustomerAtFaultReturn_RefundsNoShipping_AndLeavesItForALaterShopAtFaultReturn()
    {
        var h = new ReturnsHarness { ShippingCharge = Charge };
        var orderId = await h.DeliveredOrderAsync("c1", ("TV-1", 2, 899m));

        var changedMind = await RefundedAsync(h, "k1", orderId, ReturnReason.ChangedMind);
        var claimsAfterIt = await h.Returns.GetShippingClaimsAsync(orderId, Ct);
        var defective = await RefundedAsync(h, "k2", orderId, ReturnReason.Defective);

        Assert.Equal(0m, changedMind.OriginalShipping);
        Assert.Empty(claimsAfterIt.ByReturn);
        Assert.Equal(Charge, defective.OriginalShipping);
    }

    [Fact]
    public async Task ShopAtFaultReturn_RefundsNoShipping_WhenThePolicyTurnsItOff_OrTheOrderChargedNone()
    {
        var off = new ReturnsHarness(configure: o => o.RefundOriginalShippingWhenShopAtFault = false) { ShippingCharge = Charge };
        var free = new ReturnsHarness();
        var offOrder = await off.DeliveredOrderAsync("c1", ("TV-1", 1, 899m));
        var freeOrder = await free.DeliveredOrderAsync("c1", ("TV-1", 1, 899m));

        Assert.Equal(0m, (await RefundedAsync(off, "k1", offOrder, ReturnReason.Defective)).OriginalShipping);
        Assert.Equal(0m, (await RefundedAsync(free, "k1", freeOrder, ReturnReason.Defective)).OriginalShipping);
    }

    [Fact]
    public async Task AClaimOfAReturnClosedWithoutRefund_IsFreed_WhileAClaimOfAReturnStillOpenHoldsTheShipping()
    {
        var h = new ReturnsHarness { ShippingCharge = Charge };
        var orderId = await h.DeliveredOrderAsync("c1", ("TV-1", 3, 899m));

        // A return whose reviewer rejected every unit, closed without a refund, left with a claim (its settlement claimed,
        // then lost the race to the rejection): the claim is freed.
        var closed = await ReceivedAsync(h, "k1", orderId, ReturnReason.Defective);
        await h.DoneAsync(h.Lifecycle.DecideAsync(closed, new DecideUnitRequest("TV-1:1", TriageAction.Reject, "ops-1", "Not ours"), Ct));
        await ClaimAsync(h, orderId, closed, Charge);
        var afterClosed = await RefundedAsync(h, "k2", orderId, ReturnReason.Defective);

        // A return still waiting for its refund keeps its claim: nothing is left for another.
        var h2 = new ReturnsHarness { ShippingCharge = Charge };
        var orderId2 = await h2.DeliveredOrderAsync("c2", ("TV-1", 2, 899m));
        var open = await ReceivedAsync(h2, "k1", orderId2, ReturnReason.Defective, "c2");
        await ClaimAsync(h2, orderId2, open, Charge);
        var whileOpen = await RefundedAsync(h2, "k2", orderId2, ReturnReason.Defective, "c2");
        var theOpenOne = (await h2.DoneAsync(h2.Lifecycle.DecideAsync(open, new DecideUnitRequest("TV-1:1", TriageAction.Restock, "ops-1", null), Ct))).Refund!;

        Assert.Equal(Charge, afterClosed.OriginalShipping);
        Assert.DoesNotContain(closed, (await h.Returns.GetShippingClaimsAsync(orderId, Ct)).ByReturn.Keys);
        Assert.Equal(0m, whileOpen.OriginalShipping);
        Assert.Equal(Charge, theOpenOne.OriginalShipping);
    }

    /// <summary>A one-unit return of <paramref name="orderId"/> for <paramref name="reason"/>, received and decided restock by a reviewer.</summary>
    internal static async Task<RefundView> RefundedAsync(ReturnsHarness h, string key, string orderId, ReturnReason reason, string customerId = "c1")
    {
        var returnId = await ReceivedAsync(h, key, orderId, reason, customerId);
        var decided = await h.DoneAsync(h.Lifecycle.DecideAsync(returnId, new DecideUnitRequest("TV-1:1", TriageAction.Restock, "ops-1", null), Ct));
        Assert.Equal(ReturnStatus.Refunded, decided.Status);
        return decided.Refund!;
    }

    /// <summary>A one-unit return of <paramref name="orderId"/> for <paramref name="reason"/>, received, its unit undecided.</summary>
    internal static async Task<string> ReceivedAsync(ReturnsHarness h, string key, string orderId, ReturnReason reason, string customerId = "c1")
    {
        var created = await h.CreatedAsync(key, ReturnsHarness.Request(orderId, customerId, ("TV-1", 1, reason)));
        await h.DoneAsync(h.ReceiveAsync(created.ReturnId, ("TV-1:1", ConditionGrade.C)));
        return created.ReturnId;
    }

    private static async Task ClaimAsync(ReturnsHarness h, string orderId, string returnId, decimal amount)
    {
        var claims = await h.Returns.GetShippingClaimsAsync(orderId, Ct);
        claims.ByReturn[returnId] = amount;
        Assert.True(await h.Returns.TryWriteShippingClaimsAsync(claims, Ct));
    }
}
