using System.Security.Cryptography;
using System.Text;
using Presale.Domain.Security;

namespace Presale.Domain.Tests.Security;

public sealed class WebhookSignatureVerifierTests
{
    private const string Secret = "whsec_current_0123456789";
    private const string PreviousSecret = "whsec_previous_9876543210";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"eventId":"e-1","lotId":"L-7","eta":"2026-03-20"}""");

    private static WebhookSignatureVerifier CreateSut() => new();

    [Fact]
    public void Verify_WhenSignedWithTheActiveSecret_IsValid()
    {
        var header = WebhookSigner.Sign(Body, Now, Secret);

        var result = CreateSut().Verify(header, Body, [Secret], Now);

        Assert.Equal(WebhookSignatureStatus.Valid, result.Status);
        Assert.Equal(0, result.MatchedSecretIndex);
        Assert.Equal(Now, result.Timestamp);
    }

    [Fact]
    public void Sign_MatchesAnIndependentHmacOfTimestampDotBody()
    {
        var header = WebhookSigner.Sign(Body, Now, Secret);

        var signed = Encoding.UTF8.GetBytes($"{Now.ToUnixTimeSeconds()}.").Concat(Body).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed));
        Assert.Equal($"t={Now.ToUnixTimeSeconds()},v1={expected}", header);
    }

    [Fact]
    public void Verify_WhenSignedWithAnotherSecret_IsMismatch()
    {
        var header = WebhookSigner.Sign(Body, Now, "whsec_someone_else");

        var result = CreateSut().Verify(header, Body, [Secret], Now);

        Assert.Equal(WebhookSignatureStatus.Mismatch, result.Status);
        Assert.Null(result.MatchedSecretIndex);
    }

    [Fact]
    public void Verify_WhenBodyWasTampered_IsMismatch()
    {
        var header = WebhookSigner.Sign(Body, Now, Secret);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 0x01;

        Assert.Equal(WebhookSignatureStatus.Mismatch, CreateSut().Verify(header, tampered, [Secret], Now).Status);
    }

    [Fact]
    public void Verify_WhenTimestampWasAltered_IsMismatch()
    {
        var header = WebhookSigner.Sign(Body, Now, Secret);
        var shifted = header.Replace($"t={Now.ToUnixTimeSeconds()}", $"t={Now.ToUnixTimeSeconds() + 1}", StringComparison.Ordinal);

        Assert.Equal(WebhookSignatureStatus.Mismatch, CreateSut().Verify(shifted, Body, [Secret], Now).Status);
    }

    [Theory]
    [InlineData(-301, WebhookSignatureStatus.Expired)]
    [InlineData(-300, WebhookSignatureStatus.Valid)]
    [InlineData(300, WebhookSignatureStatus.Valid)]
    [InlineData(301, WebhookSignatureStatus.FutureTimestamp)]
    [InlineData(-86_400, WebhookSignatureStatus.Expired)]
    public void Verify_AppliesTheFiveMinuteReplayWindowBothWays(int offsetSeconds, WebhookSignatureStatus expected)
    {
        var header = WebhookSigner.Sign(Body, Now.AddSeconds(offsetSeconds), Secret);

        Assert.Equal(expected, CreateSut().Verify(header, Body, [Secret], Now).Status);
    }

    [Fact]
    public void Verify_WithACustomWindow_UsesIt()
    {
        var header = WebhookSigner.Sign(Body, Now.AddSeconds(-61), Secret);

        Assert.Equal(WebhookSignatureStatus.Expired, new WebhookSignatureVerifier(TimeSpan.FromMinutes(1)).Verify(header, Body, [Secret], Now).Status);
        Assert.Equal(WebhookSignatureStatus.Valid, new WebhookSignatureVerifier(TimeSpan.FromMinutes(2)).Verify(header, Body, [Secret], Now).Status);
    }

    [Fact]
    public void Verify_WhenExpiredAndWronglySigned_ReportsExpiredWithoutCheckingTheSignature()
    {
        var header = WebhookSigner.Sign(Body, Now.AddMinutes(-10), "whsec_someone_else");

        Assert.Equal(WebhookSignatureStatus.Expired, CreateSut().Verify(header, Body, [Secret], Now).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Verify_WhenHeaderAbsent_IsMissing(string? header) =>
        Assert.Equal(WebhookSignatureStatus.Missing, CreateSut().Verify(header, Body, [Secret], Now).Status);

    [Theory]
    [InlineData("garbage")]
    [InlineData("t=1772442000")]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=-5,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1772442000,v1=00")]
    [InlineData("t=1772442000,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1772442000,t=1772442000,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1772442000,,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=99999999999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("=1,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    public void Verify_WhenHeaderIsNotTheExpectedShape_IsMalformed(string header)
    {
        var result = CreateSut().Verify(header, Body, [Secret], Now);

        Assert.Equal(WebhookSignatureStatus.Malformed, result.Status);
        Assert.Null(result.Timestamp);
    }

    [Fact]
    public void Verify_WhenHeaderIsHuge_IsMalformed()
    {
        var header = WebhookSigner.Sign(Body, Now, Secret) + string.Concat(Enumerable.Repeat(",x=1", 400));

        Assert.Equal(WebhookSignatureStatus.Malformed, CreateSut().Verify(header, Body, [Secret], Now).Status);
    }

    [Fact]
    public void Verify_DuringRotation_AcceptsEitherActiveSecretAndReportsWhichMatched()
    {
        var sut = CreateSut();
        string[] active = [Secret, PreviousSecret];

        var withNew = sut.Verify(WebhookSigner.Sign(Body, Now, Secret), Body, active, Now);
        var withOld = sut.Verify(WebhookSigner.Sign(Body, Now, PreviousSecret), Body, active, Now);
        var afterRotation = sut.Verify(WebhookSigner.Sign(Body, Now, PreviousSecret), Body, [Secret], Now);

        Assert.Equal((WebhookSignatureStatus.Valid, (int?)0), (withNew.Status, withNew.MatchedSecretIndex));
        Assert.Equal((WebhookSignatureStatus.Valid, (int?)1), (withOld.Status, withOld.MatchedSecretIndex));
        Assert.Equal(WebhookSignatureStatus.Mismatch, afterRotation.Status);
    }

    [Fact]
    public void Verify_WithSeveralV1Entries_IsValidWhenAnyMatches()
    {
        var header = WebhookSigner.Sign(Body, Now, "whsec_unknown_to_receiver", Secret);

        Assert.Equal(2, header.Split(",v1=").Length - 1);
        var result = CreateSut().Verify(header, Body, [Secret], Now);
        Assert.Equal(WebhookSignatureStatus.Valid, result.Status);
    }

    [Fact]
    public void Verify_IgnoresEntriesOfOtherSchemesAndSpaces()
    {
        var signed = WebhookSigner.Sign(Body, Now, Secret);
        var header = " v0=legacy, " + signed.Replace(",", " , ", StringComparison.Ordinal) + " ,v2=future";

        Assert.Equal(WebhookSignatureStatus.Valid, CreateSut().Verify(header, Body, [Secret], Now).Status);
    }

    [Fact]
    public void Verify_WithUpperCaseHex_IsValid()
    {
        var header = WebhookSigner.Sign(Body, Now, Secret);
        var upper = header[..header.IndexOf("v1=", StringComparison.Ordinal)] + "v1=" + header[(header.IndexOf("v1=", StringComparison.Ordinal) + 3)..].ToUpperInvariant();

        Assert.Equal(WebhookSignatureStatus.Valid, CreateSut().Verify(upper, Body, [Secret], Now).Status);
    }

    [Fact]
    public void Verify_TextBodyOverload_SignsTheUtf8Bytes()
    {
        const string body = """{"reason":"Zollverzögerung"}""";
        var header = WebhookSigner.Sign(Encoding.UTF8.GetBytes(body), Now, Secret);

        Assert.True(CreateSut().Verify(header, body, [Secret], Now).IsValid);
    }

    [Fact]
    public void Verify_WithoutSecrets_Throws() =>
        Assert.Throws<ArgumentException>(() => CreateSut().Verify("t=1,v1=00", Body, Array.Empty<string>(), Now));
}
