namespace Presale.Functions.Hosting;

/// <summary>How the handler decides whether an Azure Functions host is in front of it.</summary>
public enum HostMode
{
    /// <summary>Functions host when <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> is set, standalone otherwise (the default).</summary>
    Auto,

    /// <summary>Always behave as a custom handler behind the Functions host.</summary>
    FunctionsHost,

    /// <summary>Always run standalone: own trigger runner, own key checks, own admin API.</summary>
    Standalone,
}
