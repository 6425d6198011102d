using Presale.Functions.Features.Reconciliation;


namespace Presale.Functions.Tests.Functions;

public sealed class ReconcileSkuFunctionTests
{
    [Fact]
    public void ReadSkus_FromSupplierAndOrderMessages_NamesEachSkuOnce()
    {
        Assert.Equal(["KB-75"], ReconcileSkuFunction.ReadSkus("""{"type":"supply.changed","sku":"KB-75","lotId":"L1"}""").Select(s => s.Value));
        Assert.Equal(["A-1", "B-2"], ReconcileSkuFunction.ReadSkus("""{"type":"order.confirmed","orderId":"o1","skus":["A-1","B-2","A-1"]}""").Select(s => s.Value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"type":"order.confirmed"}""")]
    [InlineData("""{"sku":"bad sku"}""")]
    [InlineData("""["KB-75"]""")]
    public void ReadSkus_WithoutAValidSku_Throws(string? body) =>
        Assert.Throws<FormatException>(() => ReconcileSkuFunction.ReadSkus(body));
}
