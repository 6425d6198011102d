using Presale.Application.Compensation;
using Presale.Domain.DelayConsent;

namespace Presale.Application.DelayConsent;

/// <summary>Builds and verifies the signed one-click links of delay notices (<c>{PublicBaseUrl}/api/consent?token=…</c>).</summary>
public sealed class ConsentLinks
{
    private readonly CompensationOptions _options;
    private readonly IReadOnlyList<byte[]> _keys;

    /// <summary>Reads the keys once; throws when <see cref="CompensationOptions.ConsentLinkKey"/> is missing or invalid.</summary>
    public ConsentLinks(CompensationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _keys = options.LinkKeys();
        if (_keys.Count == 0)
        {
            throw new InvalidOperationException($"{CompensationOptions.SectionName}:{nameof(CompensationOptions.ConsentLinkKey)} is required.");
        }
    }

    /// <summary>The cancel link of delay <paramref name="delayNumber"/>, valid for <see cref="CompensationOptions.CancelLinkLifetime"/>.</summary>
    public Uri Cancel(string orderId, int delayNumber, DateTimeOffset now) =>
        Link(new ConsentLinkClaims(orderId, ConsentActions.Cancel, delayNumber, now + _options.CancelLinkLifetime));

    /// <summary>The accept link of delay <paramref name="delayNumber"/>, valid until the consent deadline.</summary>
    public Uri Accept(string orderId, int delayNumber, DateTimeOffset deadline) =>
        Link(new ConsentLinkClaims(orderId, ConsentActions.Accept, delayNumber, deadline));

    /// <summary>Verifies <paramref name="token"/> against the current and previous keys.</summary>
    public ConsentLinkVerification Verify(string? token, DateTimeOffset now) => ConsentLinkToken.Verify(token, _keys, now);

    private Uri Link(ConsentLinkClaims claims)
    {
        var token = ConsentLinkToken.Create(claims, _keys[0]);
        return new Uri(_options.PublicBaseUrl.TrimEnd('/') + "/api/consent?token=" + Uri.EscapeDataString(token));
    }
}
