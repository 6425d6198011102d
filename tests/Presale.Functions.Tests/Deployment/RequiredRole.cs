namespace Presale.Functions.Tests.Deployment;

/// <summary>A built-in role the Function App's identity needs on a resource, and why.</summary>
internal sealed record RequiredRole(string Name, string RoleDefinitionId, RoleTarget Target, string Reason)
{
    public static RequiredRole StorageBlobDataOwner(string reason) =>
        new("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", RoleTarget.HostStorage, reason);

    public static RequiredRole StorageQueueDataContributor(string reason) =>
        new("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", RoleTarget.HostStorage, reason);

    public static RequiredRole StorageTableDataContributor(string reason) =>
        new("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", RoleTarget.HostStorage, reason);

    public static RequiredRole ServiceBusDataSender(string reason) =>
        new("Azure Service Bus Data Sender", "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", RoleTarget.EventsTopic, reason);

    public static RequiredRole KeyVaultSecretsUser(string reason) =>
        new("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6", RoleTarget.SecretsVault, reason);

    public static RequiredRole MonitoringMetricsPublisher(string reason) =>
        new("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", RoleTarget.TelemetryComponent, reason);
}
