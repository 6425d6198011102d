namespace Presale.Functions.Tests.Deployment;

/// <summary>The resource a required role must cover, found in the template through the app settings that point at it.</summary>
internal enum RoleTarget
{
    /// <summary>The storage account named by <c>AzureWebJobsStorage__accountName</c>.</summary>
    HostStorage,

    /// <summary>The topic named by <c>Presale__Events__Topic</c> in the namespace of <c>ServiceBusConnection__fullyQualifiedNamespace</c>.</summary>
    EventsTopic,

    /// <summary>Every vault a Key Vault reference in the app settings names.</summary>
    SecretsVault,

    /// <summary>The Application Insights component <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> comes from.</summary>
    TelemetryComponent,
}
