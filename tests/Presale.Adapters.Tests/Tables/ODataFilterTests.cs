using Presale.Adapters.Tables;
using Presale.Application.Storage;

namespace Presale.Adapters.Tests.Tables;

public sealed class ODataFilterTests
{
    public static TheoryData<object, string> Literals => new()
    {
        { "o'brien", "'o''brien'" },
        { 42, "42" },
        { 9_007_199_254_740_993L, "9007199254740993L" },
        { 5.0, "5.0" },
        { 0.25, "0.25" },
        { true, "true" },
        { new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(1), "datetime'2026-03-02T09:00:00.0000001Z'" },
        { Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), "guid'0f8fad5b-d9cb-469f-a165-70867728950e'" },
        { new byte[] { 0x0a, 0xff }, "X'0AFF'" },
    };

    /// <summary>Values are rendered by the SDK, except Doubles: the SDK writes a whole Double as an Int32 literal (<c>5</c>).</summary>
    [Theory]
    [MemberData(nameof(Literals))]
    public void Value_IsRenderedInTheTableServiceSyntax(object value, string expected) =>
        Assert.Equal("P eq " + expected, ODataFilter.Render(TableFilter.Eq("P", value)));

    [Fact]
    public void Render_NestsWithParenthesesAndNot()
    {
        var filter = TableFilter.Partition("p") & (TableFilter.Gt("N", 1) | new TableFilter.Not(TableFilter.Eq("B", false)));

        Assert.Equal("(PartitionKey eq 'p') and ((N gt 1) or (not (B eq false)))", ODataFilter.Render(filter));
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("1st")]
    [InlineData("x') or ('1' eq '1")]
    public void Render_RejectsPropertyNamesThatCouldInjectAFilter(string name) =>
        Assert.Throws<ArgumentException>(() => ODataFilter.Render(TableFilter.Eq(name, "x")));

    [Fact]
    public void Render_RejectsNaN() =>
        Assert.Throws<ArgumentException>(() => ODataFilter.Render(TableFilter.Eq("D", double.NaN)));
}
