namespace Presale.Adapters.Storage;

/// <summary>Where Presale's tables (and the local broker's queues) live, and how the storage clients retry.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Storage";

    /// <summary>The default of <see cref="MaxRetries"/>.</summary>
    public const int DefaultMaxRetries = 5;

    /// <summary>The default of <see cref="RetryDelay"/>.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The default of <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>The default of <see cref="NetworkTimeout"/>.</summary>
    public static readonly TimeSpan DefaultNetworkTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>Presale:Storage:Connection</c>: the name of the connection setting, read the way the Azure SDK and the
    /// Functions host read it — a connection string under that name (<c>UseDevelopmentStorage=true</c> for Azurite, an
    /// account key or a SAS), or <c>{name}__accountName</c> / <c>{name}__tableServiceUri</c> / <c>{name}__queueServiceUri</c>
    /// with <c>{name}__credential=managedidentity</c> and optional <c>{name}__clientId</c> for Entra ID.
    /// Default <c>AzureWebJobsStorage</c>; when that setting is absent entirely, Azurite (<c>UseDevelopmentStorage=true</c>).
    /// </summary>
    public string Connection { get; set; } = "AzureWebJobsStorage";

    /// <summary><c>Presale:Storage:MaxRetries</c>: retries of a failed attempt (408, 429, 500, 502, 503, 504, transport errors, timeouts), 0–20. Default 5.</summary>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary><c>Presale:Storage:RetryDelay</c>: the first back-off, doubled per retry with jitter (a <c>Retry-After</c> answer wins). Default 0.5 s.</summary>
    public TimeSpan RetryDelay { get; set; } = DefaultRetryDelay;

    /// <summary><c>Presale:Storage:MaxRetryDelay</c>: the longest back-off between two attempts, at least <see cref="RetryDelay"/>. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = DefaultMaxRetryDelay;

    /// <summary>
    /// <c>Presale:Storage:NetworkTimeout</c>: how long one attempt may wait for the service (then it is retried), 1 s – 5 min.
    /// Default 30 s: Table and Queue storage end any operation of their own after at most 30 s, so waiting longer only
    /// waits on a connection that is gone (the SDKs' own default is 100 s).
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = DefaultNetworkTimeout;

    /// <summary>
    /// <c>Presale:Storage:Tables</c>: extra tables created at start (idempotently). Default none, and no feature adds
    /// to it: features create their own tables on first use (<c>TableBootstrap</c>).
    /// </summary>
    public IList<string> Tables { get; } = [];

    /// <summary>Client options carrying these retry and timeout settings.</summary>
    public StorageClientOptions ToClientOptions()
    {
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = RetryDelay;
        options.Retry.MaxDelay = MaxRetryDelay;
        options.Retry.NetworkTimeout = NetworkTimeout;
        return options;
    }
}
