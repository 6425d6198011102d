using Presale.Application.Reconciliation;

namespace Presale.Application.Tests.Reconciliation;

public sealed class ReconciliationOptionsTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.Empty(new ReconciliationOptions().Validate());

    [Theory]
    [InlineData("RunTimeout", "00:00:59")]
    [InlineData("RunTimeout", "01:00:01")]
    [InlineData("ReadConcurrency", "0")]
    [InlineData("WriteConcurrency", "257")]
    [InlineData("MaxAttempts", "65")]
    [InlineData("SupplierBufferPercentile", "0")]
    [InlineData("SupplierBufferMinimumLots", "13")]
    public void Validate_OutOfRange_NamesTheSetting(string setting, string value)
    {
        var options = new ReconciliationOptions();
        var property = typeof(ReconciliationOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(TimeSpan)
            ? TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : Convert.ChangeType(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        var error = Assert.Single(options.Validate());

        Assert.StartsWith($"Presale:Reconciliation:{setting} must be", error, StringComparison.Ordinal);
    }
}
