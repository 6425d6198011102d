namespace Presale.Functions.Features.Operations;

/// <summary>
/// Settings of the operations console's access (section <c>Presale:Console</c>; environment form
/// <c>Presale__Console__Property</c>), checked at start by <see cref="ConsoleOptionsValidator"/>.
/// </summary>
public sealed class ConsoleOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Console";

    /// <summary>
    /// Base64 key (at least 32 bytes) signing console session cookies. Unset: a random key per process, so a session
    /// lasts until the app restarts and is only good on the instance that issued it; set it (a Key Vault reference in
    /// Azure) when the app runs on several instances.
    /// </summary>
    public string? SessionKey { get; set; }

    /// <summary>How long a session cookie is good for after the key was exchanged (5 minutes – 7 days). Default 8 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// The App Service authentication role that opens the console without a key (the <c>roles</c> claim of
    /// <c>X-MS-CLIENT-PRINCIPAL</c>), honoured only while App Service authentication is on
    /// (<c>WEBSITE_AUTH_ENABLED=True</c>, when the platform strips client-sent principal headers). Unset: off.
    /// </summary>
    public string? OperatorRole { get; set; }
}
