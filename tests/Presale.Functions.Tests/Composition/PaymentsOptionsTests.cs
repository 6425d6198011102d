using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Presale.Application.Payments;
using Presale.Domain.Payments;
using Presale.Functions.Host;

namespace Presale.Functions.Tests.Composition;

public sealed class PaymentsOptionsTests
{
    private static PaymentsOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("Presale:Payments:" + s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<PaymentsOptions>().BindConfiguration(PaymentsOptions.SectionName).ValidateOnStartWith(new PaymentsOptionsValidator());
        return services.BuildServiceProvider().GetRequiredService<PaymentsOptions>();
    }

    [Fact]
    public void Defaults_PayInFullAtOrder_RetryAfterOneAndThreeDays_AndKeepTheLineSevenDays()
    {
        var options = Bind();

        Assert.Equal(PaymentPlan.FullAtOrder, options.DefaultPaymentPlan());
        Assert.Equal([TimeSpan.FromDays(1), TimeSpan.FromDays(3)], options.Dunning().RetryAfter);
        Assert.Equal(TimeSpan.FromDays(7), options.Dunning().GracePeriod);
        Assert.Null(options.UpdatePaymentUrl("o-1"));
    }

    [Fact]
    public void ADepositDefault_AndTheShopsRetries_AreBoundFromSettings()
    {
        var options = Bind(
            ("DefaultPlan", "Deposit"),
            ("DepositPercent", "20"),
            ("RetryAfter:0", "06:00:00"),
            ("RetryAfter:1", "2.00:00:00"),
            ("GracePeriod", "10.00:00:00"),
            ("UpdatePaymentUrlTemplate", "https://shop.example/orders/{orderId}/payment"));

        Assert.Equal(PaymentPlan.DepositOfPercent(20m), options.DefaultPaymentPlan());
        Assert.Equal(TimeSpan.FromDays(10), options.Dunning().GracePeriod);
        Assert.Equal([TimeSpan.FromHours(6), TimeSpan.FromDays(2)], options.Dunning().RetryAfter);
        Assert.Equal(new Uri("https://shop.example/orders/o%201/payment"), options.UpdatePaymentUrl("o 1"));
    }

    [Theory]
    [InlineData("DefaultPlan", "Deposit", "Presale:Payments:DefaultPlan")]
    [InlineData("DepositPercent", "100", "Presale:Payments:DepositPercent")]
    [InlineData("DepositPerUnit", "0", "Presale:Payments:DepositPerUnit")]
    [InlineData("GracePeriod", "00:10:00", "Presale:Payments:GracePeriod")]
    [InlineData("RetryAfter:0", "00:00:10", "Presale:Payments:RetryAfter")]
    [InlineData("UpdatePaymentUrlTemplate", "http://shop.example/{orderId}", "Presale:Payments:UpdatePaymentUrlTemplate")]
    [InlineData("UpdatePaymentUrlTemplate", "https://shop.example/payment", "Presale:Payments:UpdatePaymentUrlTemplate")]
    [InlineData("PaymentsTable", "a-b", "Presale:Payments:PaymentsTable")]
    public void AWrongSetting_StopsTheStart_NamingTheSetting(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind((key, value)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
