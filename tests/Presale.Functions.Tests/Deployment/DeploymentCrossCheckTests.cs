using System.Text.Json.Nodes;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// infra-bicep must deploy what the app needs: the worker runtime on Flex Consumption, every queue a function listens
/// on, the events topic, every setting and every role. The first test checks the real app against the snapshot the
/// Bicep CLI computes from the real templates; the others change one thing in a copy of that snapshot (or add one need
/// to the app) and prove the check reports it.
/// </summary>
public sealed class DeploymentCrossCheckTests
{
    private const string Dev = "main.dev.bicepparam";

    public static TheoryData<string> ParameterFiles() => [.. InfraCopy.ParameterFiles()];

    public static TheoryData<string> ScheduleSettings() => [.. RuntimeContract.TimerSettings().Select(timer => timer.Setting)];

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task Template_ProvidesEverythingTheAppNeeds(string parameterFile)
    {
        var app = RealApp();
        var template = await CompiledInfra.SnapshotAsync(parameterFile);

        var problems = DeploymentCrossCheck.Problems(app, template);

        Assert.True(problems.Count == 0, $"infra-bicep with {parameterFile} does not match the app:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        var unverified = template.AppSettings.Keys
            .Where(key => key.StartsWith("Presale__", StringComparison.Ordinal) && !app.OptionSections.ContainsKey(string.Join("__", key.Split("__").Take(2))))
            .ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{template.Resources.Count} resources, {template.AppSettings.Count} app settings, {app.QueueTriggers.Count} queue triggers, "
            + $"{app.Settings.Count} required settings, {DeploymentCrossCheck.RolesNeeded(app, template).Count} roles checked. "
            + $"Settings whose options class does not exist yet: {string.Join(", ", unverified)}");
    }

    [Theory]
    [InlineData("reconcile")]
    [InlineData("reconcile-poison")]
    [InlineData("notifications")]
    [InlineData("notifications-poison")]
    public async Task Check_WhenAQueueIsRemoved_ReportsTheQueue(string queue)
    {
        var snapshot = TemplateEdits.RemoveResource(await Snapshot(), "Microsoft.Storage/storageAccounts/queueServices/queues", queue);

        var problems = Problems(snapshot);

        Assert.Contains(problems, problem => problem.StartsWith($"Storage queue '{queue}' (", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor")]
    [InlineData("69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", "Azure Service Bus Data Sender")]
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Key Vault Secrets User")]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher")]
    public async Task Check_WhenARoleTheAppNeedsIsRemoved_ReportsTheRole(string roleDefinitionId, string role)
    {
        var snapshot = TemplateEdits.RemoveRoleAssignments(await Snapshot(), roleDefinitionId);

        var problems = Problems(snapshot);

        Assert.Contains(problems, problem => problem.StartsWith($"Role '{role}' is not assigned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_WhenTheQueueRoleIsOnAnotherResource_ReportsIt()
    {
        var vault = InfraTemplate.ResourceId("Microsoft.KeyVault/vaults", "kv-elsewhere");
        var snapshot = TemplateEdits.RescopeRoleAssignments(await Snapshot(), "974c5e8b-45b9-4653-ba55-5f855dd0fb88", vault);

        var problems = Problems(snapshot);

        Assert.Contains(problems, problem => problem.StartsWith("Role 'Storage Queue Data Contributor' is not assigned to the Function App's identity on Microsoft.Storage/storageAccounts/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_WhenTheSenderRoleIsOnTheNamespace_AcceptsIt()
    {
        var template = InfraTemplate.Parse(await Snapshot(), Dev);
        var topic = template.OfType("Microsoft.ServiceBus/namespaces/topics").Single().Name;
        var snapshot = TemplateEdits.RescopeRoleAssignments(
            template.Json, "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", InfraTemplate.ResourceId("Microsoft.ServiceBus/namespaces", topic.Split('/')[0]));

        Assert.Empty(Problems(snapshot));
    }

    [Fact]
    public async Task Check_WhenARoleIsAssignedToAnotherPrincipal_ReportsIt()
    {
        var snapshot = TemplateEdits.SetRolePrincipal(await Snapshot(), "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "11111111-2222-3333-4444-555555555555");

        var problems = Problems(snapshot);

        Assert.Contains(problems, problem => problem.StartsWith("Role 'Storage Table Data Contributor' is not assigned to the Function App's identity", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ScheduleSettings))]
    public async Task Check_WhenAScheduleSettingIsRemoved_ReportsIt(string setting)
    {
        var snapshot = TemplateEdits.SetSetting(await Snapshot(), setting, null);

        var problems = Problems(snapshot);

        Assert.Contains($"App setting '{setting}' is not set (the schedule of {setting[..^"Schedule".Length]}).", problems);
    }

    [Fact]
    public async Task Check_WhenAScheduleDiffersFromTodays_ReportsIt()
    {
        var snapshot = TemplateEdits.SetSetting(await Snapshot(), "SupplierOutboxSweeperSchedule", "0 * * * * *");

        var problems = Problems(snapshot);

        Assert.Equal(["App setting 'SupplierOutboxSweeperSchedule' is '0 * * * * *', not '50 * * * * *' (the schedule of SupplierOutboxSweeper the app runs standalone)."], problems);
    }

    [Fact]
    public async Task Check_WhenTheEventsTopicIsRemoved_ReportsIt()
    {
        var snapshot = TemplateEdits.RemoveResource(await Snapshot(), "Microsoft.ServiceBus/namespaces/topics", "events");

        var problems = Problems(snapshot);

        Assert.Contains(problems, problem => problem.StartsWith("Service Bus topic 'events' (Presale__Events__Topic", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("requiresDuplicateDetection", "false", "does not set requiresDuplicateDetection: true")]
    [InlineData("duplicateDetectionHistoryTimeWindow", null, "has no explicit duplicateDetectionHistoryTimeWindow")]
    [InlineData("duplicateDetectionHistoryTimeWindow", "\"PT10S\"", "has no explicit duplicateDetectionHistoryTimeWindow")]
    [InlineData("defaultMessageTimeToLive", null, "has no explicit defaultMessageTimeToLive")]
    public async Task Check_WhenTheTopicDoesNotDetectDuplicates_ReportsIt(string property, string? value, string expected)
    {
        var snapshot = TemplateEdits.SetProperty(await Snapshot(), "Microsoft.ServiceBus/namespaces/topics", "events", property, value is null ? null : JsonNode.Parse(value));

        var problems = Problems(snapshot);

        var problem = Assert.Single(problems);
        Assert.StartsWith($"Service Bus topic 'events' {expected}", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__accountName")]
    [InlineData("ServiceBusConnection__fullyQualifiedNamespace")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    [InlineData("Presale__Events__Topic")]
    [InlineData("Presale__Compensation__PublicBaseUrl")]
    [InlineData("Presale__Notifications__WebhookSecret")]
    public async Task Check_WhenARequiredSettingIsRemoved_ReportsIt(string setting)
    {
        var snapshot = TemplateEdits.SetSetting(await Snapshot(), setting, null);

        var problems = Problems(snapshot);

        Assert.Contains(problems, problem => problem.StartsWith($"App setting '{setting}' is not set (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_WhenHostStorageNamesAnAccountTheTemplateDoesNotCreate_ReportsIt()
    {
        var snapshot = TemplateEdits.SetSetting(await Snapshot(), "AzureWebJobsStorage__accountName", "stelsewhere");

        var problems = Problems(snapshot);

        Assert.Equal(["App setting 'AzureWebJobsStorage__accountName' names storage account 'stelsewhere', which the template does not create."], problems);
    }

    [Fact]
    public async Task Check_WhenASecretIsAPlainValue_ReportsIt()
    {
        var snapshot = TemplateEdits.SetSetting(await Snapshot(), "Presale__Compensation__ConsentLinkKey", "c2VjcmV0LWluLXRoZS10ZW1wbGF0ZS0zMi1ieXRlcyE=");

        var problems = Problems(snapshot);

        Assert.Equal(["App setting 'Presale__Compensation__ConsentLinkKey' holds a secret (Presale.Application.Compensation.CompensationOptions.ConsentLinkKey is a secret): make it a Key Vault reference, not a value."], problems);
    }

    [Fact]
    public async Task Check_WhenAKeyVaultReferenceNamesAnotherVault_ReportsIt()
    {
        var snapshot = TemplateEdits.SetSetting(await Snapshot(), "Presale__Notifications__WebhookSecret", "@Microsoft.KeyVault(VaultName=kv-elsewhere;SecretName=notification-webhook-secret)");

        var problems = Problems(snapshot);

        Assert.Contains("App setting 'Presale__Notifications__WebhookSecret' refers to Key Vault 'kv-elsewhere', which the template does not create.", problems);
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME", "dotnet-isolated")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION", "~4")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE", "1")]
    public async Task Check_WhenASettingFlexRejectsIsSet_ReportsIt(string setting, string value)
    {
        var snapshot = TemplateEdits.SetSetting(await Snapshot(), setting, value);

        var problems = Problems(snapshot);

        Assert.Equal([$"App setting '{setting}' is set: Flex Consumption rejects it (the worker comes from functionAppConfig.runtime, the package from the deployment container)."], problems);
    }

    [Fact]
    public async Task Check_WhenTheRetiredTransportSettingIsSet_ReportsIt()
    {
        var snapshot = TemplateEdits.SetSetting(await Snapshot(), "Presale__Messaging__Transport", "ServiceBus");

        var problems = Problems(snapshot);

        Assert.Equal(["App setting 'Presale__Messaging__Transport' is set, but it is gone: the queue functions are triggered by storage queues only."], problems);
    }

    [Theory]
    [InlineData("custom", "1.0")]
    [InlineData("dotnet-isolated", "8.0")]
    public async Task Check_WhenTheRuntimeIsNotDotnetIsolated10_ReportsIt(string name, string version)
    {
        var template = InfraTemplate.Parse(await Snapshot(), Dev);
        var site = template.FunctionAppId.Split('/')[^1];
        var snapshot = TemplateEdits.SetProperty(template.Json, "Microsoft.Web/sites", site, "functionAppConfig.runtime", new JsonObject { ["name"] = name, ["version"] = version });

        var problems = Problems(snapshot);

        Assert.Equal([$"functionAppConfig.runtime is {{\"name\":\"{name}\",\"version\":\"{version}\"}}, not dotnet-isolated 10.0: the app is a dotnet-isolated 10.0 worker."], problems);
    }

    [Fact]
    public async Task Check_WhenThePlanIsNotFlexConsumption_ReportsIt()
    {
        var template = InfraTemplate.Parse(await Snapshot(), Dev);
        var plan = template.OfType("Microsoft.Web/serverfarms").Single().Name;
        var snapshot = TemplateEdits.SetResourceProperty(template.Json, "Microsoft.Web/serverfarms", plan, "sku", new JsonObject { ["tier"] = "ElasticPremium", ["name"] = "EP1" });

        var problems = Problems(snapshot);

        Assert.Equal(["The Function App is not on a Flex Consumption plan (its serverFarmId must name a plan with sku tier 'FlexConsumption')."], problems);
    }

    [Fact]
    public async Task Check_WhenTheDeploymentContainerIsReadWithAKey_ReportsIt()
    {
        var template = InfraTemplate.Parse(await Snapshot(), Dev);
        var site = template.FunctionAppId.Split('/')[^1];
        var snapshot = TemplateEdits.SetProperty(
            template.Json, "Microsoft.Web/sites", site, "functionAppConfig.deployment.storage.authentication", new JsonObject { ["type"] = "StorageAccountConnectionString" });

        var problems = Problems(snapshot);

        Assert.Equal(["functionAppConfig.deployment.storage must be a blobContainer read with the app's identity (type blobContainer, authentication StorageAccountConnectionString)."], problems);
    }

    [Fact]
    public async Task Check_WhenTheNamespaceAllowsSasKeys_ReportsIt()
    {
        var template = InfraTemplate.Parse(await Snapshot(), Dev);
        var ns = template.OfType("Microsoft.ServiceBus/namespaces").Single().Name;
        var snapshot = TemplateEdits.SetProperty(template.Json, "Microsoft.ServiceBus/namespaces", ns, "disableLocalAuth", false);

        var problems = Problems(snapshot);

        Assert.Equal([$"Service Bus namespace '{ns}' allows SAS keys: set disableLocalAuth to true."], problems);
    }

    [Fact]
    public async Task Check_WhenTheServiceBusConnectionNamesAnotherNamespace_ReportsIt()
    {
        var snapshot = TemplateEdits.SetSetting(await Snapshot(), "ServiceBusConnection__fullyQualifiedNamespace", "sb-elsewhere.servicebus.windows.net");

        var problems = Problems(snapshot);

        Assert.Equal(["App setting 'ServiceBusConnection__fullyQualifiedNamespace' is 'sb-elsewhere.servicebus.windows.net', which is not <namespace>.servicebus.windows.net of a namespace the template creates."], problems);
    }

    [Fact]
    public async Task Check_WhenTheDeploymentUsesAnAccountKey_ReportsIt()
    {
        var snapshot = TemplateEdits.SetSetting(await Snapshot(), "AzureWebJobsStorage", "[format('DefaultEndpointsProtocol=https;AccountName=st;AccountKey={0}', listKeys('st', '2024-01-01').keys[0].value)]");

        var problems = Problems(snapshot);

        Assert.Contains("The deployment uses 'listKeys(': connections must be identity-based, with no keys or connection strings.", problems);
        Assert.Contains("The deployment uses 'AccountKey=': connections must be identity-based, with no keys or connection strings.", problems);
    }

    [Fact]
    public async Task Check_WhenStorageAllowsSharedKeys_ReportsIt()
    {
        var template = InfraTemplate.Parse(await Snapshot(), Dev);
        var account = template.AppSettings["AzureWebJobsStorage__accountName"];
        var snapshot = TemplateEdits.SetProperty(template.Json, "Microsoft.Storage/storageAccounts", account, "allowSharedKeyAccess", true);

        var problems = Problems(snapshot);

        Assert.Equal([$"Storage account '{account}' allows shared keys: set allowSharedKeyAccess to false."], problems);
    }

    [Fact]
    public async Task Check_WhenAPublisherQueueSettingNamesAQueueThatIsNotCreated_ReportsIt()
    {
        var snapshot = TemplateEdits.SetSetting(await Snapshot(), "Presale__Orders__ReconcileQueue", "replan");

        var problems = Problems(snapshot);

        Assert.Equal(1, problems.Count(problem => problem.StartsWith("Storage queue 'replan' (Presale__Orders__ReconcileQueue publishes to it) is not created", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Check_WhenATriggerQueueIsASetting_ResolvesItFromTheSettings()
    {
        var app = RealApp();
        app.AddQueueTrigger("ReconcileAgain", "%ReconcileQueueName%", connection: null);
        var snapshot = await Snapshot();

        var unset = DeploymentCrossCheck.Problems(app, InfraTemplate.Parse(snapshot, Dev));
        var set = DeploymentCrossCheck.Problems(app, InfraTemplate.Parse(TemplateEdits.SetSetting(snapshot, "ReconcileQueueName", "reconcile"), Dev));
        var wrong = DeploymentCrossCheck.Problems(app, InfraTemplate.Parse(TemplateEdits.SetSetting(snapshot, "ReconcileQueueName", "replan"), Dev));

        Assert.Equal(["ReconcileAgain's queue name %ReconcileQueueName% refers to an app setting the template does not set."], unset);
        Assert.Empty(set);
        Assert.Contains("Storage queue 'replan' (ReconcileAgain is triggered by it) is not created in host storage '" + InfraTemplate.Parse(snapshot, Dev).AppSettings["AzureWebJobsStorage__accountName"] + "'.", wrong);
    }

    [Fact]
    public async Task Check_WhenAnOptionsClassRequiresASettingTheTemplateLacks_ReportsTheSetting()
    {
        var app = RealApp();
        app.AddOptionsType(typeof(SampleDeploymentOptions));
        var snapshot = await Snapshot();

        var missing = DeploymentCrossCheck.Problems(app, InfraTemplate.Parse(snapshot, Dev));
        var provided = DeploymentCrossCheck.Problems(app, InfraTemplate.Parse(TemplateEdits.SetSetting(snapshot, "Presale__SampleDeployment__Endpoint", "https://example.com/"), Dev));

        Assert.Equal(["App setting 'Presale__SampleDeployment__Endpoint' is not set (Presale.Functions.Tests.Deployment.SampleDeploymentOptions.Endpoint is [Required])."], missing);
        Assert.Empty(provided);
    }

    [Fact]
    public async Task Check_WhenASettingNamesNoPropertyOfItsOptionsClass_ReportsTheSetting()
    {
        var app = RealApp();
        app.AddOptionsType(typeof(SampleDeploymentOptions));
        var snapshot = TemplateEdits.SetSetting(await Snapshot(), "Presale__SampleDeployment__Endpoint", "https://example.com/");
        snapshot = TemplateEdits.SetSetting(snapshot, "Presale__SampleDeployment__Endpont", "https://example.com/");

        var problems = DeploymentCrossCheck.Problems(app, InfraTemplate.Parse(snapshot, Dev));

        Assert.Equal(["App setting 'Presale__SampleDeployment__Endpont' names no property of the Presale:SampleDeployment options class (properties: Endpoint, Retries)."], problems);
    }

    [Fact]
    public void Discover_FindsTheContractAndTheOptionsClasses()
    {
        var app = RealApp();

        Assert.Equal(["notifications", "reconcile"], app.QueueTriggers.Select(trigger => trigger.Queue).Order(StringComparer.Ordinal));
        Assert.Equal(("dotnet-isolated", "10.0"), app.WorkerRuntime);
        Assert.Equal(12, RuntimeContract.TimerSettings().Count);
        Assert.All(RuntimeContract.TimerSettings(), timer => Assert.Equal($"{timer.Function}Schedule", timer.Setting));
        Assert.All(RuntimeContract.TimerSettings(), timer => Assert.Contains(timer.Setting, app.Settings.Keys));
        Assert.Equal("50 * * * * *", app.SettingValues["SupplierOutboxSweeperSchedule"].Value);
        Assert.Equal(("0 20 * * * *", "0 */5 * * * *", "0 40 * * * *"), (app.SettingValues["CloseSupplierStatementsSchedule"].Value, app.SettingValues["SweepPurchaseOrdersSchedule"].Value, app.SettingValues["AssessLateLotsSchedule"].Value));
        Assert.Contains(("Presale__Orders__ReconcileQueue", "reconcile"), app.PublishedQueues);
        Assert.Contains(("Presale__Notifications__Queue", "notifications"), app.PublishedQueues);
        Assert.Contains("Presale__Suppliers__SecretEncryptionKey", app.SecretSettings.Keys);
        Assert.Contains("Presale__Notifications__PreviousWebhookSecret", app.SecretSettings.Keys);
        Assert.Contains(app.Roles, role => role.Name == "Storage Table Data Contributor");
    }

    private static AppRequirements RealApp() => AppRequirements.Discover(AppRequirements.ProductAssemblies());

    private static Task<string> Snapshot() => CompiledInfra.SnapshotJsonAsync(Dev);

    private static IReadOnlyList<string> Problems(string snapshot) => DeploymentCrossCheck.Problems(RealApp(), InfraTemplate.Parse(snapshot, Dev));
}
