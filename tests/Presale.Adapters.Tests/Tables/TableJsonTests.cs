using System.Text;
using System.Text.Json;
using Presale.Adapters.Tables;
using Presale.Application.Storage;

namespace Presale.Adapters.Tests.Tables;

/// <summary>
/// Entity JSON against the Table service's documented payload format: a Double always goes out annotated, and a value
/// read back keeps its type whether or not the service annotates it (a whole Double comes back as <c>5.0</c>).
/// </summary>
public sealed class TableJsonTests
{
    private static object Read(string propertiesJson)
    {
        using var document = JsonDocument.Parse("""{"PartitionKey":"p","RowKey":"r",""" + propertiesJson + "}");
        return TableJson.ReadEntity(document.RootElement)["V"]!;
    }

    public static TheoryData<string, object> UnannotatedNumbers => new()
    {
        { "5.0", 5.0 },
        { "-3.0", -3.0 },
        { "0.5", 0.5 },
        { "1E+24", 1e24 },
        { "1e2", 100.0 },
        { "6824053932181.0", 6824053932181.0 },
        { "2147483648", 2147483648.0 },
        { "5", 5 },
        { "-2147483648", int.MinValue },
    };

    [Theory]
    [MemberData(nameof(UnannotatedNumbers))]
    public void Read_UnannotatedNumber_IsADoubleWithADecimalPointOrExponent_ElseAnInt32(string literal, object expected)
    {
        var value = Read($"\"V\":{literal}");

        Assert.Equal(expected.GetType(), value.GetType());
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("5", 5.0)]
    [InlineData("\"5\"", 5.0)]
    [InlineData("5.0", 5.0)]
    [InlineData("\"NaN\"", double.NaN)]
    [InlineData("\"-Infinity\"", double.NegativeInfinity)]
    public void Read_AnnotatedDouble_IsADoubleWhateverItsLiteral(string literal, double expected)
    {
        var value = Read($"\"V@odata.type\":\"Edm.Double\",\"V\":{literal}");

        Assert.Equal(expected, Assert.IsType<double>(value));
    }

    [Fact]
    public void Write_EveryDouble_CarriesTheEdmDoubleAnnotation_InPointWritesAndTransactions()
    {
        var entity = new TableEntity("p", "r", [new("Whole", 5.0), new("Negative", -3.0), new("Fraction", 0.5), new("Count", 5)]);

        var single = Encoding.UTF8.GetString(TableJson.Serialize(entity));
        var batch = Encoding.UTF8.GetString(TableBatch.Build(new Uri("https://myaccount.table.core.windows.net"), "orders", [TableOperation.Insert(entity)]).Body);

        foreach (var text in new[] { single, batch })
        {
            Assert.Contains("\"Whole@odata.type\":\"Edm.Double\",\"Whole\":5", text, StringComparison.Ordinal);
            Assert.Contains("\"Negative@odata.type\":\"Edm.Double\"", text, StringComparison.Ordinal);
            Assert.Contains("\"Fraction@odata.type\":\"Edm.Double\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Count@odata.type", text, StringComparison.Ordinal);
        }
    }
}
