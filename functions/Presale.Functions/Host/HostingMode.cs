namespace Presale.Functions.Host;

/// <summary>
/// Whether the Azure Functions host started this process as its isolated worker, or it runs on its own (standalone
/// mode), decided once at start from what the host passes (<c>--functions-uri</c>, i.e.
/// <c>Functions:Worker:HostEndpoint</c>) and <see cref="FunctionsHostOptions.Mode"/>.
/// </summary>
public sealed class HostingMode
{
    /// <summary>The variable App Service (and so Azure Functions) sets on every instance; the Core Tools do not.</summary>
    public const string InstanceIdVariable = "WEBSITE_INSTANCE_ID";

    /// <summary>The setting the worker reads the host's gRPC endpoint from.</summary>
    public const string HostEndpointSetting = "Functions:Worker:HostEndpoint";

    /// <summary>The command-line switch the host passes the endpoint in.</summary>
    public const string HostEndpointArgument = "functions-uri";

    private HostingMode(bool isFunctionsHost, string listenUrl, bool hostSignalled)
    {
        IsFunctionsHost = isFunctionsHost;
        ListenUrl = listenUrl;
        HostSignalled = hostSignalled;
    }

    /// <summary>True when the Functions host starts, triggers and guards this process.</summary>
    public bool IsFunctionsHost { get; }

    /// <summary>True when the app runs its own triggers, key checks and admin API.</summary>
    public bool IsStandalone => !IsFunctionsHost;

    /// <summary>The URL the app listens on in standalone mode.</summary>
    public string ListenUrl { get; }

    /// <summary>
    /// True when the environment says a Functions host (or Azure App Service) runs this process: the host's endpoint
    /// is given, <c>WEBSITE_INSTANCE_ID</c> is set, or the mode is forced to <see cref="HostMode.FunctionsHost"/>.
    /// Unlike <see cref="IsFunctionsHost"/>, <c>Presale:Host:Mode=Standalone</c> does not turn it off: settings that are
    /// only safe on a developer's machine check this.
    /// </summary>
    public bool HostSignalled { get; }

    /// <summary>Whether the Functions host started this process: it passes its endpoint as <c>--functions-uri</c>.</summary>
    public static bool IsStartedByFunctionsHost(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Any(a => string.Equals(a, "--" + HostEndpointArgument, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Resolves the mode from configuration (environment variables and command line included).</summary>
    /// <exception cref="InvalidOperationException">When a setting is malformed; the message names it.</exception>
    public static HostingMode Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new FunctionsHostOptions();
        configuration.GetSection(FunctionsHostOptions.SectionName).Bind(options);

        var hostGiven = !string.IsNullOrWhiteSpace(configuration[HostEndpointSetting]) || !string.IsNullOrWhiteSpace(configuration[HostEndpointArgument]);
        var isFunctionsHost = options.Mode switch
        {
            HostMode.FunctionsHost => true,
            HostMode.Standalone => false,
            _ => hostGiven,
        };

        var url = options.Url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException(
                $"{FunctionsHostOptions.SectionName}:{nameof(FunctionsHostOptions.Url)} must be an absolute http(s) URL, not '{url}'.");
        }

        var hostSignalled = isFunctionsHost || hostGiven || !string.IsNullOrWhiteSpace(configuration[InstanceIdVariable]);
        return new HostingMode(isFunctionsHost, url, hostSignalled);
    }
}
