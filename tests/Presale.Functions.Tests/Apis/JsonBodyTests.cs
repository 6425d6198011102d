using System.Text;
using System.Text.Json;
using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Functions.Host.Http;

namespace Presale.Functions.Tests.Apis;

/// <summary>How the one body reader treats members: what it refuses, how it names the member, and what it leaves alone.</summary>
public sealed class JsonBodyTests
{
    private const string Line = """{"sku":"KB-75","quantity":1,"unitPrice":49.9}""";

    [Fact]
    public void Parse_MisspeltMember_IsRefusedNamingIt_NotDroppedToItsDefault()
    {
        var errors = Refused<PlaceOrderRequest>($$"""{"customerId":"c1","lines":[{{Line}}],"currency":"EUR","shipingCharge":4.90}""");

        Assert.Equal(["shipingCharge"], errors.Keys);
        Assert.Equal(
            "Unknown member: the members here are customerId, tier, notificationContact, lines, currency, acceptPreSaleTerms, shippingCharge.",
            Assert.Single(errors["shipingCharge"]));
    }

    [Fact]
    public void Parse_UnknownMembers_AreAllNamed_AtEveryDepth_InTheApisFieldNotation()
    {
        var errors = Refused<PlaceOrderRequest>($$$"""
            {"customerId":"c1","notificationContact":{"email":"a@b.c","fax":"1"},
             "lines":[{{{Line}}},{"sku":"KB-80","quantity":1,"unitPrice":1,"extra":true,"discount":{"pct":5}}],
             "a.b":1,"it's":2}
            """);

        Assert.Equal(
            ["notificationContact.fax", "lines[1].extra", "lines[1].discount", "['a.b']", "['it\\'s']"],
            errors.Keys);
    }

    [Fact]
    public void Parse_CaseVariantOfAMember_IsUnknown_AndPointsToTheDocumentedName()
    {
        var errors = Refused<PlaceOrderRequest>($$"""{"customerId":"c1","lines":[{{Line}}],"ShippingCharge":4.90}""");

        Assert.Equal("Unknown member: names are case-sensitive; did you mean 'shippingCharge'?", Assert.Single(errors["ShippingCharge"]));
    }

    [Fact]
    public void Parse_MemberGivenTwice_IsRefused_NotLastOneWins()
    {
        var errors = Refused<PlaceOrderRequest>($$"""{"customerId":"c1","lines":[{"sku":"KB-75","quantity":1,"quantity":5,"unitPrice":1}],"customerId":"c2"}""");

        Assert.Equal(["lines[0].quantity", "customerId"], errors.Keys);
        Assert.Equal("This member is given more than once: give it once.", Assert.Single(errors["customerId"]));
    }

    [Fact]
    public void Parse_Null_IsLeavingTheMemberOut_WhereItMayBeNull_AndRefusedWhereItMayNot()
    {
        var accepted = JsonBody.Parse<PlaceOrderRequest>("""{"customerId":null,"shippingCharge":null}"""u8);
        var refused = Refused<Named>("""{"name":null,"count":null}""");

        Assert.Null(accepted.Invalid);
        Assert.Equal(new PlaceOrderRequest(null, null, null, null, null, null), accepted.Value);
        Assert.Equal(["name", "count"], refused.Keys);
        Assert.Equal("This member cannot be null: give a value, or leave it out if it is optional.", refused["name"].Single());
    }

    [Fact]
    public void Parse_MemberTheTypeOnlyWrites_IsUnknown_NotSkipped()
    {
        var errors = Refused<Named>("""{"name":"n","count":1,"label":"x"}""");

        Assert.Equal("Unknown member: the members here are name, count.", Assert.Single(errors["label"]));
    }

    [Theory]
    [InlineData("""{"customerId":"c1","lines":[{"sku":"KB-75","quantity":"one"}]}""", "lines[0].quantity", "This value is malformed, of the wrong type, out of range, or not one of the allowed values.")]
    [InlineData("""{"customerId":"c1","tier":"diamond"}""", "tier", "This value is malformed, of the wrong type, out of range, or not one of the allowed values.")]
    [InlineData("""{"customerId":"c1","notificationContact":"a@b.c"}""", "notificationContact", "This value is malformed, of the wrong type, out of range, or not one of the allowed values.")]
    [InlineData("""{"customerId":"c1",""", "body", "The body is not valid JSON (line 1, position 19).")]
    [InlineData("""{"customerId":"c1"} {}""", "body", "The body is not valid JSON (line 1, position 21).")]
    [InlineData("""["c1"]""", "body", "The body must be a JSON object.")]
    [InlineData("null", "body", "The body must be a JSON object, not null.")]
    public void Parse_BadValue_NamesItsPath_InWordsWithoutDotNetTypeNames(string json, string field, string message)
    {
        var errors = Refused<PlaceOrderRequest>(json);

        Assert.Equal(message, Assert.Single(Assert.Single(errors, e => e.Key == field).Value));
        Assert.Single(errors);
    }

    [Fact]
    public void StoredDocuments_AreStillReadTolerantly_SoRowsOfOlderVersionsStayReadable()
    {
        const string Stored = """{"customerId":"c1","CustomerTier":"gold","retiredMember":{"x":1}}""";

        var read = JsonSerializer.Deserialize<PlaceOrderRequest>(Stored, PresaleJson.Options);

        Assert.Equal("c1", read!.CustomerId);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PlaceOrderRequest>(Stored, PresaleJson.Requests));
    }

    private static Dictionary<string, string[]> Refused<T>(string json)
        where T : class
    {
        var result = JsonBody.Parse<T>(Encoding.UTF8.GetBytes(json));
        Assert.Null(result.Value);
        Assert.Equal("urn:presale:problem:validation", result.Invalid!.ProblemDetails.Type);
        return new Dictionary<string, string[]>(result.Invalid.ProblemDetails.Errors);
    }

    /// <summary>A request type with members that cannot be null (the API's own members all may be).</summary>
    private sealed record Named(string Name, int Count)
    {
        /// <summary>Written in answers, never read.</summary>
        public string Label => $"{Name} ({Count})";
    }
}
