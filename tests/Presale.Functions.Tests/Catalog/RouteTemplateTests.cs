using Presale.Functions.Host.Catalog;


namespace Presale.Functions.Tests.Catalog;

public sealed class RouteTemplateTests
{
    [Theory]
    [InlineData("api/orders/{orderId}", "/api/orders/{id:guid}")]
    [InlineData("api/Orders/{orderId}/cancel", "/api/orders/{id}/cancel/")]
    [InlineData("api/suppliers/{supplierId}/eta", "api/suppliers/{supplier:required}/eta")]
    public void Covers_SameShapeWithOtherParameterNamesOrConstraints(string function, string endpoint) =>
        Assert.True(RouteTemplate.Parse(function).Covers(RouteTemplate.Parse(endpoint)));

    [Theory]
    [InlineData("api/orders/{orderId}", "/api/orders")]
    [InlineData("api/orders/{orderId}", "/api/orders/{id}/cancel")]
    [InlineData("api/orders", "/api/returns")]
    [InlineData("api/orders/{*rest}", "/api/returns/{id}")]
    public void DoesNotCover_OtherShapes(string function, string endpoint) =>
        Assert.False(RouteTemplate.Parse(function).Covers(RouteTemplate.Parse(endpoint)));

    [Theory]
    [InlineData("/api/orders")]
    [InlineData("/api/orders/{id}")]
    [InlineData("/api/orders/{id}/cancel")]
    public void CatchAll_CoversEverythingUnderItsPrefix(string endpoint) =>
        Assert.True(RouteTemplate.Parse("api/orders/{*rest}").Covers(RouteTemplate.Parse(endpoint)));
}
