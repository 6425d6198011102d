using Presale.Application.Storage;

namespace Presale.Application.Tests.Storage;

public sealed class TableEntityTests
{
    [Fact]
    public void Decimal_IsKeptAsInvariantString_AndReadBackWithoutLoss()
    {
        var entity = new TableEntity("p", "r").With("Amount", 12345678901234567.89012345m);

        Assert.Equal("12345678901234567.89012345", entity.GetString("Amount"));
        Assert.Equal(12345678901234567.89012345m, entity.GetDecimal("Amount"));
    }

    [Fact]
    public void UnspecifiedDateTime_IsTakenAsUtc()
    {
        var entity = new TableEntity("p", "r").With("At", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified));

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), entity.GetDateTimeOffset("At"));
    }

    [Fact]
    public void NullValue_RemovesTheProperty()
    {
        var entity = new TableEntity("p", "r").With("A", "x").With("A", null);

        Assert.False(entity.Properties.ContainsKey("A"));
    }

    [Theory]
    [InlineData("PartitionKey")]
    [InlineData("RowKey")]
    [InlineData("Timestamp")]
    public void SystemPropertyNames_AreRejected(string name) =>
        Assert.Throws<ArgumentException>(() => new TableEntity("p", "r").With(name, "x"));

    [Fact]
    public void UnsupportedType_IsRejectedNamingTheProperty()
    {
        var error = Assert.Throws<ArgumentException>(() => new TableEntity("p", "r").With("Price", 1.5f));

        Assert.Contains("Price", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrefixUpperBound_IsGreaterThanEveryStringWithThePrefix()
    {
        var upper = TableFilter.PrefixUpperBound("order|");

        Assert.True(string.CompareOrdinal("order|zzzz\uffff", upper) < 0);
        Assert.True(string.CompareOrdinal("order}", upper) >= 0);
    }
}
