using System.Globalization;

namespace Presale.Functions.Hosting;

/// <summary>
/// Whether this process runs behind the Azure Functions host (custom-handler mode) or on its own (standalone mode),
/// decided once at start from <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> and <see cref="FunctionsHostOptions.Mode"/>.
/// </summary>
public sealed class HostingMode
{
    /// <summary>The variable App Service (and so Azure Functions) sets on every instance; the Core Tools do not.</summary>
    public const string InstanceIdVariable = "WEBSITE_INSTANCE_ID";

    private HostingMode(bool isFunctionsHost, int? customHandlerPort, string listenUrl, bool hostSignalled)
    {
        IsFunctionsHost = isFunctionsHost;
        CustomHandlerPort = customHandlerPort;
        ListenUrl = listenUrl;
        HostSignalled = hostSignalled;
    }

    /// <summary>True when the Functions host starts, triggers and guards this process.</summary>
    public bool IsFunctionsHost { get; }

    /// <summary>True when the app runs its own triggers, key checks and admin API.</summary>
    public bool IsStandalone => !IsFunctionsHost;

    /// <summary>The port the Functions host gave, if any.</summary>
    public int? CustomHandlerPort { get; }

    /// <summary>The URL the app listens on.</summary>
    public string ListenUrl { get; }

    /// <summary>
    /// True when the environment says a Functions host (or Azure App Service) runs this process:
    /// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> or <c>WEBSITE_INSTANCE_ID</c> is set, or the mode is forced to
    /// <see cref="HostMode.FunctionsHost"/>. Unlike <see cref="IsFunctionsHost"/>, <c>Presale:Host:Mode=Standalone</c>
    /// does not turn it off: settings that are only safe on a developer's machine check this.
    /// </summary>
    public bool HostSignalled { get; }

    /// <summary>Resolves the mode from configuration (environment variables included).</summary>
    /// <exception cref="InvalidOperationException">When a setting is malformed; the message names it.</exception>
    public static HostingMode Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new FunctionsHostOptions();
        configuration.GetSection(FunctionsHostOptions.SectionName).Bind(options);

        int? port = null;
        var portText = configuration[FunctionsHostOptions.CustomHandlerPortVariable];
        if (!string.IsNullOrWhiteSpace(portText))
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > 65535)
            {
                throw new InvalidOperationException(
                    $"{FunctionsHostOptions.CustomHandlerPortVariable} must be a TCP port (1-65535), not '{portText}'.");
            }

            port = parsed;
        }

        var isFunctionsHost = options.Mode switch
        {
            HostMode.FunctionsHost => true,
            HostMode.Standalone => false,
            _ => port is not null,
        };

        if (isFunctionsHost && port is null)
        {
            throw new InvalidOperationException(
                $"{FunctionsHostOptions.SectionName}:{nameof(FunctionsHostOptions.Mode)} is FunctionsHost but " +
                $"{FunctionsHostOptions.CustomHandlerPortVariable} is not set: the Functions host sets it when it starts the handler.");
        }

        var url = port is { } p ? $"http://127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}" : options.Url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException(
                $"{FunctionsHostOptions.SectionName}:{nameof(FunctionsHostOptions.Url)} must be an absolute http(s) URL, not '{url}'.");
        }

        var hostSignalled = isFunctionsHost || port is not null || !string.IsNullOrWhiteSpace(configuration[InstanceIdVariable]);
        return new HostingMode(isFunctionsHost, port, url, hostSignalled);
    }
}
