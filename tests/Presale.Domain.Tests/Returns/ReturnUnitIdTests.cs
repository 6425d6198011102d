using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.Common;
using Presale.Domain.Returns;

namespace Presale.Domain.Tests.Returns;

public sealed class ReturnUnitIdTests
{
    [Fact]
    public void TextForm_RoundTrips_ForAnySkuAndOrdinal()
    {
        var skuChars = "ABCxyz019-_.".ToCharArray();
        var ids =
            from length in Gen.Choose(1, Sku.MaxLength)
            from chars in Gen.ArrayOf(Gen.Elements(skuChars), length)
            from ordinal in Gen.Choose(1, 10_000)
            select new ReturnUnitId(Sku.From(new string(chars)), ordinal);

        Prop.ForAll(ids.ToArbitrary(), id =>
            ReturnUnitId.TryParse(id.ToString(), out var parsed, out _) && parsed == id).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("PHONE-1")]
    [InlineData(":1")]
    [InlineData("PHONE-1:0")]
    [InlineData("PHONE-1:-1")]
    [InlineData("PHONE-1:x")]
    [InlineData("PH ONE:1")]
    public void TryParse_RejectsMalformedIds_WithAReason(string? text)
    {
        Assert.False(ReturnUnitId.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
