using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// Compares what the app needs (<see cref="AppRequirements"/>) with what infra-bicep deploys (<see cref="InfraTemplate"/>)
/// and lists every gap as a sentence naming the setting, queue, topic or role.
/// </summary>
internal static partial class DeploymentCrossCheck
{
    private const string StorageAccounts = "Microsoft.Storage/storageAccounts";
    private const string StorageQueues = "Microsoft.Storage/storageAccounts/queueServices/queues";
    private const string ServiceBusNamespaces = "Microsoft.ServiceBus/namespaces";
    private const string ServiceBusTopics = "Microsoft.ServiceBus/namespaces/topics";
    private const string KeyVaults = "Microsoft.KeyVault/vaults";

    /// <summary>Settings Flex Consumption rejects: it takes the worker from functionAppConfig and deploys from its container.</summary>
    private static readonly string[] FlexRejectedSettings =
    [
        "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_WORKER_RUNTIME_VERSION", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE", "WEBSITE_NODE_DEFAULT_VERSION", "SCM_DO_BUILD_DURING_DEPLOYMENT",
    ];

    /// <summary>Text that only a key or a connection string carries.</summary>
    private static readonly string[] KeyMarkers = ["listKeys(", "listConnectionStrings(", "AccountKey=", "SharedAccessKey"];

    /// <summary>Every gap between the app and the template; empty when the template provides everything.</summary>
    public static IReadOnlyList<string> Problems(AppRequirements app, InfraTemplate template)
    {
        var problems = new List<string>(template.StructuralProblems);
        if (template.FunctionApp is null)
        {
            return problems;
        }

        CheckHosting(app, template, problems);
        CheckSettings(app, template, problems);
        var hostStorage = CheckHostStorage(template, problems);
        CheckQueues(app, template, hostStorage, problems);
        var eventsTopic = CheckEventsTopic(app, template, problems);
        CheckRoles(app, template, hostStorage, eventsTopic, problems);
        return problems;
    }

    /// <summary>The app's own roles plus those its settings in the template imply.</summary>
    public static IReadOnlyList<RequiredRole> RolesNeeded(AppRequirements app, InfraTemplate template)
    {
        var roles = new List<RequiredRole>(app.Roles);
        if (KeyVaultReferences(template).Any())
        {
            roles.Add(RequiredRole.KeyVaultSecretsUser("app settings are Key Vault references"));
        }

        if (template.AppSettings.TryGetValue("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", out var authentication)
            && authentication.Contains("AAD", StringComparison.OrdinalIgnoreCase))
        {
            roles.Add(RequiredRole.MonitoringMetricsPublisher("the host sends telemetry with Entra ID"));
        }

        return roles;
    }

    private static void CheckHosting(AppRequirements app, InfraTemplate template, List<string> problems)
    {
        var properties = template.FunctionApp!["properties"];
        var config = properties?["functionAppConfig"];
        var plan = InfraTemplate.Text(properties, "serverFarmId") is { } planId && template.Resources.TryGetValue(planId, out var found) ? found : null;
        if (InfraTemplate.Text(plan?["sku"], "tier") != "FlexConsumption")
        {
            problems.Add("The Function App is not on a Flex Consumption plan (its serverFarmId must name a plan with sku tier 'FlexConsumption').");
        }

        if (app.WorkerRuntime is { } runtime
            && (InfraTemplate.Text(config?["runtime"], "name") != runtime.Name || InfraTemplate.Text(config?["runtime"], "version") != runtime.Version))
        {
            problems.Add($"functionAppConfig.runtime is {config?["runtime"]?.ToJsonString() ?? "missing"}, not {runtime.Name} {runtime.Version}: the app is a {runtime.Name} {runtime.Version} worker.");
        }

        var storage = config?["deployment"]?["storage"];
        var authentication = InfraTemplate.Text(storage?["authentication"], "type");
        if (InfraTemplate.Text(storage, "type") != "blobContainer" || authentication is not ("SystemAssignedIdentity" or "UserAssignedIdentity"))
        {
            problems.Add($"functionAppConfig.deployment.storage must be a blobContainer read with the app's identity (type {InfraTemplate.Text(storage, "type") ?? "missing"}, authentication {authentication ?? "missing"}).");
        }

        foreach (var setting in FlexRejectedSettings.Where(template.AppSettings.ContainsKey))
        {
            problems.Add($"App setting '{setting}' is set: Flex Consumption rejects it (the worker comes from functionAppConfig.runtime, the package from the deployment container).");
        }
    }

    private static void CheckSettings(AppRequirements app, InfraTemplate template, List<string> problems)
    {
        var settings = template.AppSettings;
        foreach (var (setting, reason) in app.Settings)
        {
            if (!settings.TryGetValue(setting, out var value) || string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"App setting '{setting}' is not set ({reason}).");
            }
        }

        foreach (var (setting, (expected, reason)) in app.SettingValues)
        {
            if (settings.TryGetValue(setting, out var value) && value != expected)
            {
                problems.Add($"App setting '{setting}' is '{value}', not '{expected}' ({reason}).");
            }
        }

        foreach (var (setting, reason) in app.RetiredSettings.Where(pair => settings.ContainsKey(pair.Key)))
        {
            problems.Add($"App setting '{setting}' is set, but it is gone: {reason}.");
        }

        foreach (var (setting, reason) in app.SecretSettings)
        {
            if (settings.TryGetValue(setting, out var value) && !KeyVaultReference().IsMatch(value))
            {
                problems.Add($"App setting '{setting}' holds a secret ({reason}): make it a Key Vault reference, not a value.");
            }
        }

        foreach (var (setting, vault) in KeyVaultReferences(template))
        {
            if (!template.Has(InfraTemplate.ResourceId(KeyVaults, vault)))
            {
                problems.Add($"App setting '{setting}' refers to Key Vault '{vault}', which the template does not create.");
            }
        }

        foreach (var marker in KeyMarkers.Where(marker => template.Json.Contains(marker, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"The deployment uses '{marker}': connections must be identity-based, with no keys or connection strings.");
        }

        foreach (var (name, account) in template.OfType(StorageAccounts))
        {
            if (InfraTemplate.Flag(account["properties"], "allowSharedKeyAccess") != false)
            {
                problems.Add($"Storage account '{name}' allows shared keys: set allowSharedKeyAccess to false.");
            }
        }

        foreach (var (name, ns) in template.OfType(ServiceBusNamespaces))
        {
            if (InfraTemplate.Flag(ns["properties"], "disableLocalAuth") != true)
            {
                problems.Add($"Service Bus namespace '{name}' allows SAS keys: set disableLocalAuth to true.");
            }
        }

        foreach (var setting in settings.Keys.Where(key => key.StartsWith("Presale__", StringComparison.Ordinal)))
        {
            var parts = setting.Split("__");
            if (parts.Length < 3)
            {
                problems.Add($"App setting '{setting}' does not have the form Presale__<Section>__<Property>.");
            }
            else if (app.OptionSections.TryGetValue($"{parts[0]}__{parts[1]}", out var properties) && !properties.Contains(parts[2]))
            {
                problems.Add($"App setting '{setting}' names no property of the Presale:{parts[1]} options class (properties: {string.Join(", ", properties.Order(StringComparer.Ordinal))}).");
            }
        }
    }

    /// <summary>The resource id of the storage account AzureWebJobsStorage names, or null when it is not created.</summary>
    private static string? CheckHostStorage(InfraTemplate template, List<string> problems)
    {
        var setting = $"{AppRequirements.HostStorageConnection}__accountName";
        if (!template.AppSettings.TryGetValue(setting, out var account))
        {
            return null;
        }

        var id = InfraTemplate.ResourceId(StorageAccounts, account);
        if (!template.Has(id))
        {
            problems.Add($"App setting '{setting}' names storage account '{account}', which the template does not create.");
            return null;
        }

        return id;
    }

    private static void CheckQueues(AppRequirements app, InfraTemplate template, string? hostStorage, List<string> problems)
    {
        if (hostStorage is null)
        {
            return;
        }

        var account = hostStorage.Split('/')[^1];
        void RequireQueue(string queue, string why)
        {
            if (!template.Has(InfraTemplate.ResourceId(StorageQueues, account, "default", queue)))
            {
                problems.Add($"Storage queue '{queue}' ({why}) is not created in host storage '{account}'.");
            }
        }

        foreach (var trigger in app.QueueTriggers)
        {
            if (trigger.Connection != AppRequirements.HostStorageConnection)
            {
                problems.Add($"{trigger.Function} listens on connection '{trigger.Connection}': the cross-check knows host storage ({AppRequirements.HostStorageConnection}) only.");
                continue;
            }

            var queue = AppRequirements.SettingExpression(trigger.Queue) is { } setting
                ? template.AppSettings.GetValueOrDefault(setting)
                : trigger.Queue;
            if (queue is null)
            {
                problems.Add($"{trigger.Function}'s queue name {trigger.Queue} refers to an app setting the template does not set.");
                continue;
            }

            RequireQueue(queue, $"{trigger.Function} is triggered by it");
            RequireQueue($"{queue}-poison", $"the host moves {trigger.Function}'s failing messages there");
        }

        foreach (var (setting, fallback) in app.PublishedQueues)
        {
            RequireQueue(template.AppSettings.GetValueOrDefault(setting, fallback), $"{setting} publishes to it");
        }
    }

    /// <summary>The resource id of the events topic, or null when it is not created.</summary>
    private static string? CheckEventsTopic(AppRequirements app, InfraTemplate template, List<string> problems)
    {
        if (app.EventsTopic is not { } events
            || !template.AppSettings.TryGetValue($"{events.Connection}__fullyQualifiedNamespace", out var fullyQualified)
            || !template.AppSettings.TryGetValue(events.TopicSetting, out var topic))
        {
            return null;
        }

        var (topicSetting, connection) = events;

        const string Suffix = ".servicebus.windows.net";
        var ns = fullyQualified.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) ? fullyQualified[..^Suffix.Length] : fullyQualified;
        if (!template.Has(InfraTemplate.ResourceId(ServiceBusNamespaces, ns)))
        {
            problems.Add($"App setting '{connection}__fullyQualifiedNamespace' is '{fullyQualified}', which is not <namespace>{Suffix} of a namespace the template creates.");
            return null;
        }

        var id = InfraTemplate.ResourceId(ServiceBusTopics, ns, topic);
        if (!template.Resources.TryGetValue(id, out var resource))
        {
            problems.Add($"Service Bus topic '{topic}' ({topicSetting}: integration events are published there) is not created in namespace '{ns}'.");
            return null;
        }

        var properties = resource["properties"];
        if (InfraTemplate.Flag(properties, "requiresDuplicateDetection") != true)
        {
            problems.Add($"Service Bus topic '{topic}' does not set requiresDuplicateDetection: true (a retried publish would be delivered twice).");
        }

        var window = Duration(properties, "duplicateDetectionHistoryTimeWindow");
        if (window is null || window < TimeSpan.FromSeconds(20) || window > TimeSpan.FromDays(7))
        {
            problems.Add($"Service Bus topic '{topic}' has no explicit duplicateDetectionHistoryTimeWindow between PT20S and P7D (ARM and SDK defaults differ).");
        }

        if (Duration(properties, "defaultMessageTimeToLive") is null)
        {
            problems.Add($"Service Bus topic '{topic}' has no explicit defaultMessageTimeToLive.");
        }

        return id;
    }

    private static void CheckRoles(AppRequirements app, InfraTemplate template, string? hostStorage, string? eventsTopic, List<string> problems)
    {
        foreach (var role in RolesNeeded(app, template))
        {
            var targets = role.Target switch
            {
                RoleTarget.HostStorage => new[] { hostStorage },
                RoleTarget.EventsTopic => [eventsTopic],
                RoleTarget.SecretsVault => [.. KeyVaultReferences(template).Select(reference => InfraTemplate.ResourceId(KeyVaults, reference.Vault)).Distinct(StringComparer.OrdinalIgnoreCase)],
                RoleTarget.TelemetryComponent => [TelemetryComponent(template, problems)],
                _ => throw new InvalidOperationException($"Unknown role target {role.Target}."),
            };

            // A target the template does not create is reported where it is read; there is nothing to assign on.
            foreach (var target in targets.OfType<string>())
            {
                if (!template.RoleAssignments.Any(assignment => assignment.RoleDefinitionId == role.RoleDefinitionId
                    && assignment.Covers(target)
                    && template.IsFunctionAppPrincipal(assignment.PrincipalId)))
                {
                    problems.Add($"Role '{role.Name}' is not assigned to the Function App's identity on {target.Split("/providers/")[^1]} ({role.Reason}).");
                }
            }
        }
    }

    private static string? TelemetryComponent(InfraTemplate template, List<string> problems)
    {
        if (!template.AppSettings.TryGetValue("APPLICATIONINSIGHTS_CONNECTION_STRING", out var value))
        {
            return null;
        }

        if (InfraTemplate.ReferencedResource(value) is not { } component || !template.Has(component))
        {
            problems.Add("APPLICATIONINSIGHTS_CONNECTION_STRING is not read from an Application Insights component the template creates.");
            return null;
        }

        return component;
    }

    private static IEnumerable<(string Setting, string Vault)> KeyVaultReferences(InfraTemplate template) =>
        template.AppSettings
            .Select(pair => (pair.Key, Match: KeyVaultReference().Match(pair.Value)))
            .Where(pair => pair.Match.Success)
            .Select(pair => (pair.Key, pair.Match.Groups["vault"].Value));

    private static TimeSpan? Duration(JsonNode? properties, string name) =>
        InfraTemplate.Text(properties, name) is { } text ? XmlConvert.ToTimeSpan(text) : null;

    [GeneratedRegex(@"^@Microsoft\.KeyVault\((VaultName=(?<vault>[^;)]+);SecretName=[^;)]+|SecretUri=https://(?<vault>[^.]+)\.vault\.azure\.net/secrets/[^)]+)\)$")]
    private static partial Regex KeyVaultReference();
}
