namespace Presale.Adapters.Storage;

/// <summary>Where Presale's tables (and the local broker's queues) live.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Storage";

    /// <summary>
    /// <c>Presale:Storage:Connection</c>: the name of the connection setting, read the way the Azure SDK and the
    /// Functions host read it — a connection string under that name (<c>UseDevelopmentStorage=true</c> for Azurite), or
    /// <c>{name}__accountName</c> / <c>{name}__tableServiceUri</c> / <c>{name}__queueServiceUri</c> with
    /// <c>{name}__credential=managedidentity</c> and optional <c>{name}__clientId</c> for Entra ID.
    /// Default <c>AzureWebJobsStorage</c>; when that setting is absent entirely, Azurite (<c>UseDevelopmentStorage=true</c>).
    /// </summary>
    public string Connection { get; set; } = "AzureWebJobsStorage";

    /// <summary><c>Presale:Storage:MaxRetries</c>: retries of a failed request (503, 500, 429, transport errors). Default 5.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>
    /// <c>Presale:Storage:Tables</c>: extra tables created at start (idempotently). Default none, and no feature adds
    /// to it: features create their own tables on first use (<c>TableBootstrap</c>).
    /// </summary>
    public IList<string> Tables { get; } = [];
}
