namespace Presale.Functions.Host;

/// <summary>How the app decides whether an Azure Functions host started it.</summary>
public enum HostMode
{
    /// <summary>Functions host when the host passed its endpoint (<c>--functions-uri</c>), standalone otherwise (the default).</summary>
    Auto,

    /// <summary>Always behave as the isolated worker of a Functions host.</summary>
    FunctionsHost,

    /// <summary>Always run standalone: own trigger runner, own key checks, own admin API.</summary>
    Standalone,
}
