using Presale.Application.Orders;
using Presale.Functions.Features.Orders;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Composition;

public sealed class ReconcileQueueValidatorTests
{
    private static FunctionCatalog Shipped() => new(TestDefinitions.Shipped());

    [Fact]
    public void Validate_SettingAndReconcileSkuDefinitionNameTheSameQueue_Passes()
    {
        var result = new ReconcileQueueValidator(Shipped()).Validate(null, new OrdersOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_SettingNamesAnotherQueueThanReconcileSkuListensOn_FailsNamingBoth()
    {
        var result = new ReconcileQueueValidator(Shipped()).Validate(null, new OrdersOptions { ReconcileQueue = "reconcile-elsewhere" });

        Assert.True(result.Failed);
        Assert.Contains("Presale:Orders:ReconcileQueue is 'reconcile-elsewhere'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ReconcileSku listens on queue 'reconcile'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithAReconcileQueueSettingTheFunctionDoesNotListenOn_Fails()
    {
        using var app = new PresaleApp().With("Presale:Orders:ReconcileQueue", "reconcile-elsewhere");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Presale:Orders:ReconcileQueue is 'reconcile-elsewhere'", error.ToString(), StringComparison.Ordinal);
    }
}
