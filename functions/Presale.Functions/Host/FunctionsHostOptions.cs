namespace Presale.Functions.Host;

/// <summary>
/// Settings of the app process itself (section <c>Presale:Host</c>, environment form <c>Presale__Host__*</c>).
/// None is required in Azure: there the Functions host starts the worker and owns keys and triggers; the settings
/// below matter in standalone mode.
/// </summary>
public sealed class FunctionsHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Host";

    /// <summary>Host detection. Default <see cref="HostMode.Auto"/>.</summary>
    public HostMode Mode { get; set; } = HostMode.Auto;

    /// <summary>
    /// The URL the app listens on in standalone mode. Default <c>http://127.0.0.1:7071</c>, the
    /// address <c>func start</c> uses, so local tools and scripts work the same with or without the Functions host.
    /// </summary>
    public string Url { get; set; } = "http://127.0.0.1:7071";

    /// <summary>
    /// Standalone mode: the key (header <c>x-functions-key</c>) that opens the admin API to callers that are not on the loopback interface, and that also passes <c>function</c>-level routes.
    /// Default none: only loopback callers may use the admin API.
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>
    /// Standalone mode: the key (header <c>x-functions-key</c> or query <c>code</c>) that functions whose trigger says
    /// <c>AuthorizationLevel.Function</c> require. Default none: then only loopback callers pass such routes.
    /// </summary>
    public string? FunctionKey { get; set; }

    /// <summary>
    /// The <c>functions.metadata</c> file the worker SDK generates at build. Default: the one next to the app, where the
    /// build and <c>dotnet publish</c> place it (the file the Functions host reads).
    /// </summary>
    public string? MetadataPath { get; set; }

    /// <summary>Standalone mode: whether the app fires timer functions and delivers queue messages itself. Default true.</summary>
    public bool StandaloneTriggers { get; set; } = true;

    /// <summary>
    /// Standalone mode: the time zone (IANA or Windows id) timer schedules are read in, as <c>WEBSITE_TIME_ZONE</c>
    /// does in Azure. Default: <c>WEBSITE_TIME_ZONE</c> when set, otherwise UTC.
    /// </summary>
    public string? ScheduleTimeZone { get; set; }
}
