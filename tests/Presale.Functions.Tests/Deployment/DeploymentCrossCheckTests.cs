using Presale.Testing;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// infra-bicep must provide every queue a function listens on, every setting the app requires and every role the
/// app's identity needs. The first test checks the real app against the real templates; the others remove one
/// thing from a copy of the templates (or add one need to the app) and prove the check reports it.
/// </summary>
public sealed class DeploymentCrossCheckTests
{
    private static readonly string InfraFolder = RepositoryPaths.Combine("infra-bicep");
    private static readonly string DefinitionsFolder = RepositoryPaths.Combine("functions", "Presale.Functions", "Definitions");
    private static readonly string HostJson = RepositoryPaths.Combine("host.json");

    [Fact]
    public void Template_ProvidesEveryQueueSettingAndRoleTheAppNeeds()
    {
        var app = AppRequirements.Discover(DefinitionsFolder, AppRequirements.ProductAssemblies(), HostJson);
        var template = InfraTemplate.Load(InfraFolder);

        var problems = DeploymentCrossCheck.Problems(app, template);

        Assert.True(problems.Count == 0, "infra-bicep does not match the app:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        var unverified = template.AppSettings.Keys
            .Where(key => key.StartsWith("Presale__", StringComparison.Ordinal) && !app.OptionSections.ContainsKey(string.Join("__", key.Split("__").Take(2))))
            .ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{app.Functions.Count} functions, {app.OptionSections.Count} options sections, {app.Settings.Count} required settings, "
            + $"{DeploymentCrossCheck.RolesNeeded(app, template).Count} roles checked. Settings whose options class does not exist yet: {string.Join(", ", unverified)}");
    }

    [Fact]
    public void Check_WithTriggersOnTheReconcileAndNotificationQueues_FindsThemProvisioned()
    {
        var app = FullApp();

        var problems = DeploymentCrossCheck.Problems(app, InfraTemplate.Parse(TemplateEdits.Load(InfraFolder)));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("reconcile")]
    [InlineData("notifications")]
    public void Check_WhenAQueueAFunctionListensOnIsRemoved_ReportsTheQueue(string queue)
    {
        var files = TemplateEdits.Load(InfraFolder);
        files["main.bicep"] = TemplateEdits.RemoveQueue(files["main.bicep"], queue);

        var problems = DeploymentCrossCheck.Problems(FullApp(), InfraTemplate.Parse(files));

        Assert.Contains(problems, problem => problem.StartsWith($"Service Bus queue '{queue}'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("blobDataOwner", "Storage Blob Data Owner")]
    [InlineData("tableDataContributor", "Storage Table Data Contributor")]
    [InlineData("serviceBusDataSender", "Azure Service Bus Data Sender")]
    [InlineData("serviceBusDataReceiver", "Azure Service Bus Data Receiver")]
    [InlineData("keyVaultSecretsUser", "Key Vault Secrets User")]
    [InlineData("metricsPublisher", "Monitoring Metrics Publisher")]
    public void Check_WhenARoleTheAppNeedsIsRemoved_ReportsTheRole(string symbol, string role)
    {
        var files = TemplateEdits.Load(InfraFolder);
        files["modules/roleAssignments.bicep"] = TemplateEdits.RemoveResource(files["modules/roleAssignments.bicep"], symbol);

        var problems = DeploymentCrossCheck.Problems(FullApp(), InfraTemplate.Parse(files));

        Assert.Contains(problems, problem => problem.StartsWith($"Role '{role}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WhenARoleIsAssignedOnlyUnderACondition_ReportsIt()
    {
        var files = TemplateEdits.Load(InfraFolder);
        files["modules/roleAssignments.bicep"] = files["modules/roleAssignments.bicep"].Replace(
            "resource serviceBusDataReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {",
            "resource serviceBusDataReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (false) {",
            StringComparison.Ordinal);

        var problems = DeploymentCrossCheck.Problems(FullApp(), InfraTemplate.Parse(files));

        Assert.Contains(problems, problem => problem.StartsWith("Role 'Azure Service Bus Data Receiver'", StringComparison.Ordinal) && problem.Contains("condition", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__accountName")]
    [InlineData("ServiceBusConnection__fullyQualifiedNamespace")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    public void Check_WhenAConnectionSettingIsRemoved_ReportsTheSetting(string setting)
    {
        var files = TemplateEdits.Load(InfraFolder);
        files["main.bicep"] = TemplateEdits.RemoveEntry(files["main.bicep"], setting);

        var problems = DeploymentCrossCheck.Problems(FullApp(), InfraTemplate.Parse(files));

        Assert.Contains(problems, problem => problem.StartsWith($"App setting '{setting}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WhenTheServiceBusTransportSettingIsRemoved_ReportsIt()
    {
        var files = TemplateEdits.Load(InfraFolder);
        files["main.bicep"] = TemplateEdits.RemoveEntry(files["main.bicep"], "Presale__Messaging__Transport");

        var problems = DeploymentCrossCheck.Problems(FullApp(), InfraTemplate.Parse(files));

        Assert.Contains(problems, problem => problem.StartsWith("App setting 'Presale__Messaging__Transport' is not set", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WhenTheTransportIsStorageQueue_ReportsIt()
    {
        var files = TemplateEdits.Load(InfraFolder);
        files["main.bicep"] = TemplateEdits.RemoveEntry(files["main.bicep"], "Presale__Messaging__Transport");
        files["main.bicep"] = TemplateEdits.AddPresaleSetting(files["main.bicep"], "Presale__Messaging__Transport: 'StorageQueue'");

        var problems = DeploymentCrossCheck.Problems(FullApp(), InfraTemplate.Parse(files));

        var problem = Assert.Single(problems);
        Assert.StartsWith("App setting 'Presale__Messaging__Transport' is 'StorageQueue', not 'ServiceBus' (the Functions host triggers", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenThePublicBaseUrlIsRemoved_ReportsIt()
    {
        var files = TemplateEdits.Load(InfraFolder);
        files["main.bicep"] = TemplateEdits.RemoveEntry(files["main.bicep"], "Presale__Compensation__PublicBaseUrl");

        var problems = DeploymentCrossCheck.Problems(FullApp(), InfraTemplate.Parse(files));

        Assert.Contains(problems, problem => problem.StartsWith("App setting 'Presale__Compensation__PublicBaseUrl' is not set", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WhenLockRenewalIsShorterThanTheFunctionTimeout_ReportsIt()
    {
        var app = FullApp();
        app.AddHostJson("""{ "version": "2.0", "functionTimeout": "00:10:00", "extensions": { "serviceBus": { "maxAutoLockRenewalDuration": "00:05:00" } } }""");

        var problems = DeploymentCrossCheck.Problems(app, InfraTemplate.Parse(TemplateEdits.Load(InfraFolder)));

        Assert.Contains(problems, problem => problem.StartsWith("host.json: extensions.serviceBus.maxAutoLockRenewalDuration (00:05:00) is shorter than functionTimeout", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PT6M", "exceeds the Service Bus maximum")]
    [InlineData("PT5M", "is not shorter than host.json's maxAutoLockRenewalDuration")]
    public void Check_WhenAQueueLockDurationDoesNotFit_ReportsIt(string lockDuration, string expected)
    {
        var app = FullApp();
        app.AddHostJson("""{ "version": "2.0", "functionTimeout": "00:05:00", "extensions": { "serviceBus": { "maxAutoLockRenewalDuration": "00:05:00" } } }""");
        var files = TemplateEdits.Load(InfraFolder);
        files["main.bicep"] = TemplateEdits.SetQueueProperty(files["main.bicep"], "reconcile", "lockDuration", $"'{lockDuration}'");

        var problems = DeploymentCrossCheck.Problems(app, InfraTemplate.Parse(files));

        Assert.Contains(problems, problem => problem.StartsWith("Service Bus queue 'reconcile': lockDuration", StringComparison.Ordinal) && problem.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WhenTheNotificationsQueueDeliveryCountDiffersFromTheOptions_ReportsIt()
    {
        var files = TemplateEdits.Load(InfraFolder);
        files["main.bicep"] = TemplateEdits.SetQueueProperty(files["main.bicep"], "notifications", "maxDeliveryCount", "5");

        var problems = DeploymentCrossCheck.Problems(FullApp(), InfraTemplate.Parse(files));

        Assert.Contains("Presale__Notifications__MaxDeliveryCount is 10 but Service Bus queue 'notifications' has maxDeliveryCount 5: they must agree.", problems);
    }

    [Fact]
    public void Check_WhenASettingMovesTheNotificationsDeliveryCount_ComparesTheSetting()
    {
        var files = TemplateEdits.Load(InfraFolder);
        files["main.bicep"] = TemplateEdits.AddPresaleSetting(files["main.bicep"], "Presale__Notifications__MaxDeliveryCount: 7");

        var problems = DeploymentCrossCheck.Problems(FullApp(), InfraTemplate.Parse(files));

        Assert.Contains("Presale__Notifications__MaxDeliveryCount is 7 but Service Bus queue 'notifications' has maxDeliveryCount 10: they must agree.", problems);
    }

    [Fact]
    public void Check_WhenAPublisherQueueSettingNamesAQueueThatIsNotCreated_ReportsIt()
    {
        var files = TemplateEdits.Load(InfraFolder);
        files["main.bicep"] = TemplateEdits.AddPresaleSetting(files["main.bicep"], "Presale__Orders__ReconcileQueue: 'replan'");

        var problems = DeploymentCrossCheck.Problems(FullApp(), InfraTemplate.Parse(files));

        Assert.Contains(problems, problem => problem.StartsWith("Service Bus queue 'replan' (Presale__Orders__ReconcileQueue publishes to it) is not created", StringComparison.Ordinal));
    }

    [Fact]
    public void Discover_FindsThePublisherQueuesOfTheOptionsClasses()
    {
        var app = FullApp();

        Assert.Contains(("Presale__Orders__ReconcileQueue", "reconcile"), app.PublishedQueues);
        Assert.Contains(("Presale__Notifications__Queue", "notifications"), app.PublishedQueues);
        Assert.Contains(app.DeliveryCounts, count => count.CountSetting == "Presale__Notifications__MaxDeliveryCount" && count.CountDefault == 10);
        Assert.NotNull(app.FunctionTimeout);
    }

    [Fact]
    public void Check_WhenAnOptionsClassRequiresASettingTheTemplateLacks_ReportsTheSetting()
    {
        var app = FullApp();
        app.AddOptionsType(typeof(SampleDeploymentOptions));
        var files = TemplateEdits.Load(InfraFolder);

        var missing = DeploymentCrossCheck.Problems(app, InfraTemplate.Parse(files));
        files["main.bicep"] = TemplateEdits.AddPresaleSetting(files["main.bicep"], "Presale__SampleDeployment__Endpoint: 'https://example.com/'");
        var provided = DeploymentCrossCheck.Problems(app, InfraTemplate.Parse(files));

        Assert.Contains(missing, problem => problem.StartsWith("App setting 'Presale__SampleDeployment__Endpoint'", StringComparison.Ordinal));
        Assert.DoesNotContain(missing, problem => problem.Contains("Presale__SampleDeployment__Retries", StringComparison.Ordinal));
        Assert.Empty(provided);
    }

    [Fact]
    public void Check_WhenASettingNamesNoPropertyOfItsOptionsClass_ReportsTheSetting()
    {
        var app = FullApp();
        app.AddOptionsType(typeof(SampleDeploymentOptions));
        var files = TemplateEdits.Load(InfraFolder);
        files["main.bicep"] = TemplateEdits.AddPresaleSetting(files["main.bicep"], "Presale__SampleDeployment__Endpoint: 'https://example.com/'");
        files["main.bicep"] = TemplateEdits.AddPresaleSetting(files["main.bicep"], "Presale__SampleDeployment__Endpont: 'https://example.com/'");

        var problems = DeploymentCrossCheck.Problems(app, InfraTemplate.Parse(files));

        Assert.Equal(["App setting 'Presale__SampleDeployment__Endpont' names no property of the Presale:SampleDeployment options class (properties: Endpoint, Retries)."], problems);
    }

    [Fact]
    public void Check_WhenAFunctionBindsAStorageQueue_RequiresQueueDataContributor()
    {
        var app = FullApp();
        app.AddFunction("DrainLocal", """{ "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "msg", "queueName": "local" } ] }""");

        var problems = DeploymentCrossCheck.Problems(app, InfraTemplate.Parse(TemplateEdits.Load(InfraFolder)));

        Assert.Contains(problems, problem => problem.StartsWith("Role 'Storage Queue Data Contributor'", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WhenATemplateUsesAnAccountKey_ReportsIt()
    {
        var files = TemplateEdits.Load(InfraFolder);
        files["modules/storage.bicep"] += "\noutput key string = storage.listKeys().keys[0].value\n";

        var problems = DeploymentCrossCheck.Problems(FullApp(), InfraTemplate.Parse(files));

        Assert.Contains(problems, problem => problem.StartsWith("modules/storage.bicep uses 'listKeys('", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("main.dev.bicepparam")]
    [InlineData("main.prod.bicepparam")]
    public void Check_WhenAParameterFileOmitsAParameterWithoutDefault_ReportsIt(string file)
    {
        var files = TemplateEdits.Load(InfraFolder);
        files[file] = TemplateEdits.RemoveParameter(files[file], "notificationWebhookUrl");

        var problems = DeploymentCrossCheck.Problems(FullApp(), InfraTemplate.Parse(files));

        Assert.Equal([$"{file} does not set parameter 'notificationWebhookUrl', which has no default in main.bicep."], problems);
    }

    [Fact]
    public void Discover_ReadsServiceBusTriggersAndConnectionsFromFunctionJson()
    {
        var folder = Directory.CreateTempSubdirectory("presale-definitions-");
        try
        {
            var function = Directory.CreateDirectory(Path.Combine(folder.FullName, "ReconcileSku"));
            File.WriteAllText(
                Path.Combine(function.FullName, "function.json"),
                """{ "bindings": [ { "type": "serviceBusTrigger", "direction": "in", "name": "msg", "queueName": "reconcile", "connection": "ServiceBusConnection" } ] }""");

            var app = AppRequirements.Discover(folder.FullName, []);

            Assert.Equal(["ReconcileSku"], app.ServiceBusQueues["reconcile"]);
            Assert.Contains("ServiceBusConnection__fullyQualifiedNamespace", app.Settings.Keys);
            Assert.Contains(app.Roles, role => role.Name == "Azure Service Bus Data Receiver");
            Assert.Contains(app.Roles, role => role.Name == "Azure Service Bus Data Sender");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The real app plus what the features on the way will add: Service Bus triggers on the two queues and a Table
    /// Storage adapter. Discovery picks them up from the real app once they exist; this keeps the removal tests
    /// meaningful before then.
    /// </summary>
    private static AppRequirements FullApp()
    {
        var app = AppRequirements.Discover(DefinitionsFolder, AppRequirements.ProductAssemblies(), HostJson);
        app.AddFunction("ReconcileSku", """{ "bindings": [ { "type": "serviceBusTrigger", "direction": "in", "name": "msg", "queueName": "reconcile", "connection": "ServiceBusConnection" } ] }""");
        app.AddFunction("DeliverNotification", """{ "bindings": [ { "type": "serviceBusTrigger", "direction": "in", "name": "msg", "queueName": "notifications", "connection": "ServiceBusConnection" } ] }""");
        app.Roles.Add(RequiredRole.StorageTableDataContributor("the Table Storage adapter"));
        return app;
    }
}
