namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// The whole chain, from the Bicep source to the cross-check: a copy of infra-bicep/ with things taken out of its
/// source is compiled and evaluated by the Bicep CLI, and the check must report each of them. (One copy and one CLI
/// run for all the edits: the CLI takes seconds per run.)
/// </summary>
public sealed class InfraSourceEditTests
{
    [Fact]
    public async Task Check_AfterEditsOfTheBicepSource_ReportsWhatEachTookOut()
    {
        using var copy = InfraCopy.Create();
        copy.Replace("main.bicep", "  'notifications-poison'\n", string.Empty);
        copy.Replace("main.bicep", "  TriageReturnsSchedule: '0 */5 * * * *'\n", string.Empty);
        copy.Replace("main.bicep", "Presale__Events__Topic: serviceBus.outputs.eventsTopicName", "Presale__Events__Topic: 'orders'");
        copy.Replace(
            "modules/roleAssignments.bicep",
            "resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {",
            "resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(keyVaultOperatorPrincipalId)) {");

        var template = await copy.SnapshotAsync("main.dev.bicepparam");
        var problems = DeploymentCrossCheck.Problems(AppRequirements.Discover(AppRequirements.ProductAssemblies()), template);

        var account = template.AppSettings["AzureWebJobsStorage__accountName"];
        var ns = template.AppSettings["ServiceBusConnection__fullyQualifiedNamespace"].Split('.')[0];
        Assert.Equal(4, problems.Count);
        Assert.Contains("App setting 'TriageReturnsSchedule' is not set (the schedule of TriageReturns).", problems);
        Assert.Contains($"Storage queue 'notifications-poison' (the host moves DeliverNotification's failing messages there) is not created in host storage '{account}'.", problems);
        Assert.Contains($"Service Bus topic 'orders' (Presale__Events__Topic: integration events are published there) is not created in namespace '{ns}'.", problems);
        Assert.Contains(problems, problem => problem.StartsWith($"Role 'Storage Table Data Contributor' is not assigned to the Function App's identity on Microsoft.Storage/storageAccounts/{account} (", StringComparison.Ordinal));
    }
}
