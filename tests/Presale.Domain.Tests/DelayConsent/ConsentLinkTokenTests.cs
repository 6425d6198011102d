using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.DelayConsent;

namespace Presale.Domain.Tests.DelayConsent;

public sealed class ConsentLinkTokenTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");
    private static readonly byte[] OtherKey = Encoding.ASCII.GetBytes("fedcba9876543210fedcba9876543210");
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ConsentLinkClaims Claims = new("o-1", ConsentActions.Accept | ConsentActions.Cancel, 2, Now.AddDays(7));

    [Fact]
    public void Verify_TokenItSigned_ReturnsTheClaims()
    {
        var token = ConsentLinkToken.Create(Claims, Key);

        var result = ConsentLinkToken.Verify(token, [Key], Now);

        Assert.Equal(ConsentLinkStatus.Valid, result.Status);
        Assert.Equal(Claims, result.Claims);
        Assert.True(result.Claims!.Allows(ConsentActions.Accept));
        Assert.True(result.Claims.Allows(ConsentActions.Cancel));
    }

    [Fact]
    public void Create_IsCompactAndUrlSafe()
    {
        var token = ConsentLinkToken.Create(Claims with { OrderId = "订单:42 x" }, Key);

        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.', $"'{c}' is not URL-safe"));
        Assert.True(token.Length < 120, token);
        Assert.Equal("订单:42 x", ConsentLinkToken.Verify(token, [Key], Now).Claims!.OrderId);
    }

    [Fact]
    public void Verify_CancelOnlyLink_DoesNotAllowAccept()
    {
        var token = ConsentLinkToken.Create(Claims with { Actions = ConsentActions.Cancel }, Key);

        var claims = ConsentLinkToken.Verify(token, [Key], Now).Claims!;

        Assert.False(claims.Allows(ConsentActions.Accept));
        Assert.True(claims.Allows(ConsentActions.Cancel));
        Assert.False(claims.Allows(ConsentActions.Accept | ConsentActions.Cancel));
    }

    [Fact]
    public void Verify_AtOrAfterExpiry_IsExpired()
    {
        var token = ConsentLinkToken.Create(Claims, Key);

        Assert.Equal(ConsentLinkStatus.Valid, ConsentLinkToken.Verify(token, [Key], Claims.ExpiresAt.AddSeconds(-1)).Status);
        Assert.Equal(ConsentLinkStatus.Expired, ConsentLinkToken.Verify(token, [Key], Claims.ExpiresAt).Status);
        Assert.False(ConsentLinkToken.Verify(token, [Key], Claims.ExpiresAt.AddDays(1)).IsValid);
    }

    [Fact]
    public void Verify_WithAnotherKey_IsInvalid_ButARotatedKeyListAcceptsIt()
    {
        var token = ConsentLinkToken.Create(Claims, Key);

        Assert.Equal(ConsentLinkStatus.InvalidSignature, ConsentLinkToken.Verify(token, [OtherKey], Now).Status);
        Assert.Equal(ConsentLinkStatus.Valid, ConsentLinkToken.Verify(token, [OtherKey, Key], Now).Status);
    }

    [Fact]
    public void Verify_PayloadSwappedFromAnotherToken_IsInvalid()
    {
        var mine = ConsentLinkToken.Create(Claims, Key).Split('.');
        var other = ConsentLinkToken.Create(Claims with { OrderId = "o-2" }, Key).Split('.');

        var forged = string.Join('.', mine[0], other[1], mine[2]);

        Assert.Equal(ConsentLinkStatus.InvalidSignature, ConsentLinkToken.Verify(forged, [Key], Now).Status);
    }

    [Fact]
    public void Verify_AnySingleCharacterChanged_IsNeverValid()
    {
        var token = ConsentLinkToken.Create(Claims, Key);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

        Prop.ForAll(
            Gen.Choose(0, token.Length - 1).ToArbitrary(),
            Gen.Choose(0, alphabet.Length - 1).ToArbitrary(),
            (position, replacement) =>
            {
                var chars = token.ToCharArray();
                if (chars[position] == alphabet[replacement])
                {
                    return true;
                }

                chars[position] = alphabet[replacement];
                return !ConsentLinkToken.Verify(new string(chars), [Key], Now).IsValid;
            }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("v1.abc")]
    [InlineData("v2.eyJ4IjoxfQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("v1.a.b.c")]
    [InlineData("v1.!!!.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("v1.YWJj.AAAA")]
    public void Verify_Garbage_IsMalformed(string? token)
    {
        Assert.Equal(ConsentLinkStatus.Malformed, ConsentLinkToken.Verify(token, [Key], Now).Status);
    }

    [Fact]
    public void Verify_OversizeToken_IsMalformedWithoutWork()
    {
        var huge = "v1." + new string('A', ConsentLinkToken.MaxLength) + ".AAAA";

        Assert.Equal(ConsentLinkStatus.Malformed, ConsentLinkToken.Verify(huge, [Key], Now).Status);
    }

    [Fact]
    public void Keys_ShorterThan32Bytes_AreRefused()
    {
        var shortKey = new byte[16];

        Assert.Throws<ArgumentException>(() => ConsentLinkToken.Create(Claims, shortKey));
        Assert.Throws<ArgumentException>(() => ConsentLinkToken.Verify("x", [shortKey], Now));
        Assert.Throws<ArgumentException>(() => ConsentLinkToken.Verify("x", [], Now));
    }

    [Fact]
    public void Create_RefusesClaimsThatCannotBeActedOn()
    {
        Assert.Throws<ArgumentException>(() => ConsentLinkToken.Create(Claims with { Actions = ConsentActions.None }, Key));
        Assert.Throws<ArgumentException>(() => ConsentLinkToken.Create(Claims with { OrderId = "a/b" }, Key));
        Assert.Throws<ArgumentException>(() => ConsentLinkToken.Create(Claims with { OrderId = "a\nb" }, Key));
    }
}
