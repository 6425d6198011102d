using System.Text;
using Presale.Adapters.Secrets;
using Presale.Application.Security;

namespace Presale.Adapters.Tests.Secrets;

public sealed class AesGcmSecretProtectorTests
{
    private const string KeyA = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";
    private const string KeyB = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("whsec_example-secret-value");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Protect_ThenUnprotect_ReturnsThePlaintext()
    {
        var protector = new AesGcmSecretProtector(KeyA);

        var stored = await protector.ProtectAsync(Secret, "supplier|acme", Ct);

        Assert.Equal(protector.CurrentKeyId, stored.KeyId);
        Assert.Equal(Secret, await protector.UnprotectAsync(stored, "supplier|acme", Ct));
    }

    [Fact]
    public async Task Protect_Twice_UsesAFreshNonceAndNeverContainsThePlaintext()
    {
        var protector = new AesGcmSecretProtector(KeyA);

        var first = await protector.ProtectAsync(Secret, "c", Ct);
        var second = await protector.ProtectAsync(Secret, "c", Ct);

        Assert.NotEqual(first.Payload, second.Payload);
        Assert.NotEqual(first.Payload.AsSpan(1, 12).ToArray(), second.Payload.AsSpan(1, 12).ToArray());
        Assert.True(first.Payload.AsSpan().IndexOf(Secret) < 0);
    }

    [Fact]
    public async Task Unprotect_UnderAnotherContext_Fails()
    {
        var protector = new AesGcmSecretProtector(KeyA);
        var stored = await protector.ProtectAsync(Secret, "supplier|acme", Ct);

        await Assert.ThrowsAsync<SecretUnprotectException>(async () => await protector.UnprotectAsync(stored, "supplier|globex", Ct));
    }

    [Fact]
    public async Task Unprotect_AlteredPayloadOrRelabelledKey_Fails()
    {
        var protector = new AesGcmSecretProtector(KeyB, [KeyA]);
        var stored = await protector.ProtectAsync(Secret, "c", Ct);
        var flipped = (byte[])stored.Payload.Clone();
        flipped[^1] ^= 1;
        var keyA = AesGcmSecretProtector.KeyIdOf(Convert.FromBase64String(KeyA));

        await Assert.ThrowsAsync<SecretUnprotectException>(async () => await protector.UnprotectAsync(stored with { Payload = flipped }, "c", Ct));
        await Assert.ThrowsAsync<SecretUnprotectException>(async () => await protector.UnprotectAsync(stored with { KeyId = keyA }, "c", Ct));
    }

    [Fact]
    public async Task KeyRotation_ReadsOldCiphertextsWhileTheOldKeyIsListed_AndWritesUnderTheNewKey()
    {
        var before = new AesGcmSecretProtector(KeyA);
        var old = await before.ProtectAsync(Secret, "c", Ct);
        var after = new AesGcmSecretProtector(KeyB, [KeyA]);
        var retired = new AesGcmSecretProtector(KeyB);

        var fresh = await after.ProtectAsync(Secret, "c", Ct);

        Assert.Equal(Secret, await after.UnprotectAsync(old, "c", Ct));
        Assert.NotEqual(old.KeyId, fresh.KeyId);
        Assert.Equal(after.CurrentKeyId, fresh.KeyId);
        var error = await Assert.ThrowsAsync<SecretUnprotectException>(async () => await retired.UnprotectAsync(old, "c", Ct));
        Assert.Contains("PreviousSecretEncryptionKeys", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void Create_WithAKeyThatIsNot32Bytes_Throws(string key) =>
        Assert.ThrowsAny<ArgumentException>(() => new AesGcmSecretProtector(key));

    [Fact]
    public void KeyId_IsStablePerKeyAndDoesNotRevealIt()
    {
        var a = Convert.FromBase64String(KeyA);

        Assert.Equal(AesGcmSecretProtector.KeyIdOf(a), new AesGcmSecretProtector(KeyA).CurrentKeyId);
        Assert.NotEqual(AesGcmSecretProtector.KeyIdOf(a), AesGcmSecretProtector.KeyIdOf(Convert.FromBase64String(KeyB)));
        Assert.DoesNotContain(Convert.ToHexStringLower(a)[..8], AesGcmSecretProtector.KeyIdOf(a), StringComparison.Ordinal);
    }
}
