using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// What the app needs from its environment, discovered rather than listed: the function.json files (queues it
/// listens on, connections it names), the options classes (<c>const string SectionName = "Presale:X"</c>, settings
/// marked <c>[Required]</c>), and the adapters present (a table store needs table data access).
/// </summary>
internal sealed class AppRequirements
{
    private const string DefaultServiceBusConnection = "AzureWebJobsServiceBus";
    private const string DefaultStorageConnection = "AzureWebJobsStorage";
    private const string TableStorePort = "Presale.Application.Storage.ITableStore";

    /// <summary>Starts with what every Presale deployment needs: host storage and telemetry.</summary>
    public AppRequirements()
    {
        RequireSetting("AzureWebJobsStorage__accountName", "the Functions host's storage, identity-based");
        RequireSetting("APPLICATIONINSIGHTS_CONNECTION_STRING", "telemetry");
        RequireRole(RequiredRole.StorageBlobDataOwner("the host keeps keys, timer schedules and leases in blobs (AzureWebJobsStorage); Flex deploys from a blob container"));
    }

    /// <summary>Service Bus queues a function is triggered by: queue name to the functions listening.</summary>
    public Dictionary<string, List<string>> ServiceBusQueues { get; } = new(StringComparer.Ordinal);

    /// <summary>App settings that must be set: name to reason.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>App settings that must be set to one literal value: name to (value, reason).</summary>
    public Dictionary<string, (string Value, string Reason)> SettingValues { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Queues the app publishes to, from options properties named <c>*Queue</c> (e.g. <c>Presale:Orders:ReconcileQueue</c>):
    /// the setting (environment form) and its default.
    /// </summary>
    public List<(string Setting, string Default)> PublishedQueues { get; } = [];

    /// <summary>
    /// Options that must agree with their queue's <c>maxDeliveryCount</c> (a section with both <c>Queue</c> and
    /// <c>MaxDeliveryCount</c>, e.g. <c>Presale:Notifications</c>): settings and defaults of both.
    /// </summary>
    public List<(string QueueSetting, string QueueDefault, string CountSetting, int CountDefault)> DeliveryCounts { get; } = [];

    /// <summary>host.json <c>functionTimeout</c>, when read.</summary>
    public TimeSpan? FunctionTimeout { get; private set; }

    /// <summary>host.json <c>extensions.serviceBus.maxAutoLockRenewalDuration</c>, when read.</summary>
    public TimeSpan? MaxAutoLockRenewalDuration { get; private set; }

    /// <summary>Roles the app's identity needs.</summary>
    public List<RequiredRole> Roles { get; } = [];

    /// <summary>Options sections found (environment form, e.g. Presale__Orders) to their property names.</summary>
    public Dictionary<string, HashSet<string>> OptionSections { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Function definitions read.</summary>
    public List<string> Functions { get; } = [];

    /// <summary>Discovers the requirements of the app: its host.json, function definitions and Presale assemblies.</summary>
    public static AppRequirements Discover(string definitionsFolder, IEnumerable<Assembly> assemblies, string? hostJsonPath = null)
    {
        var requirements = new AppRequirements();
        if (hostJsonPath is not null)
        {
            requirements.AddHostJson(File.ReadAllText(hostJsonPath));
        }

        if (Directory.Exists(definitionsFolder))
        {
            foreach (var file in Directory.EnumerateFiles(definitionsFolder, "function.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                requirements.AddFunction(Path.GetFileName(Path.GetDirectoryName(file)!), File.ReadAllText(file));
            }
        }

        foreach (var assembly in assemblies)
        {
            requirements.AddAssembly(assembly);
        }

        return requirements;
    }

    /// <summary>The product assemblies next to the test: Presale.*.dll, not tests or test support.</summary>
    public static IReadOnlyList<Assembly> ProductAssemblies() =>
        [.. Directory.EnumerateFiles(AppContext.BaseDirectory, "Presale.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.EndsWith(".Tests", StringComparison.Ordinal) && name != "Presale.Testing" && name != "Presale.Benchmarks")
            .Order(StringComparer.Ordinal)
            .Select(name => Assembly.Load(name!))];

    /// <summary>Reads the host.json settings the queues must agree with (function timeout, lock renewal).</summary>
    public void AddHostJson(string hostJson)
    {
        using var document = JsonDocument.Parse(hostJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        FunctionTimeout = Duration(Text(root, "functionTimeout"));
        MaxAutoLockRenewalDuration = root.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("serviceBus", out var serviceBus)
            ? Duration(Text(serviceBus, "maxAutoLockRenewalDuration"))
            : null;
    }

    /// <summary>Adds one function definition (the content of its function.json).</summary>
    public void AddFunction(string name, string functionJson)
    {
        Functions.Add(name);
        using var document = JsonDocument.Parse(functionJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("bindings", out var bindings) || bindings.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"{name}/function.json has no bindings array.");
        }

        foreach (var binding in bindings.EnumerateArray())
        {
            var type = Text(binding, "type") ?? throw new InvalidOperationException($"{name}/function.json has a binding without a type.");
            switch (type.ToLowerInvariant())
            {
                case "servicebustrigger":
                    AddServiceBus(name, binding, trigger: true);
                    break;
                case "servicebus":
                    AddServiceBus(name, binding, trigger: false);
                    break;
                case "queuetrigger" or "queue":
                    var connection = Text(binding, "connection") ?? DefaultStorageConnection;
                    if (!string.Equals(connection, DefaultStorageConnection, StringComparison.OrdinalIgnoreCase))
                    {
                        RequireSetting($"{connection}__queueServiceUri", $"storage queue binding of {name}");
                    }

                    RequireRole(RequiredRole.StorageQueueDataContributor($"{name} binds a storage queue"));
                    break;
            }
        }
    }

    /// <summary>Adds what one assembly's options classes and adapters require.</summary>
    public void AddAssembly(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            throw new InvalidOperationException($"Cannot load the types of {assembly.GetName().Name}.", exception);
        }

        foreach (var type in types)
        {
            AddOptionsType(type);
            if (type is { IsClass: true, IsAbstract: false }
                && !type.Name.StartsWith("InMemory", StringComparison.Ordinal)
                && type.GetInterfaces().Any(contract => contract.FullName == TableStorePort))
            {
                RequireRole(RequiredRole.StorageTableDataContributor($"{type.FullName} implements the table store port"));
            }
        }
    }

    /// <summary>Adds an options class: its section and its [Required] properties (no effect on other types).</summary>
    public void AddOptionsType(Type type)
    {
        var field = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static);
        if (field is not { IsLiteral: true } || field.GetRawConstantValue() is not string section
            || !section.StartsWith("Presale:", StringComparison.Ordinal))
        {
            return;
        }

        var prefix = section.Replace(":", "__", StringComparison.Ordinal);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        OptionSections[prefix] = properties.Select(property => property.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var property in properties.Where(property => property.IsDefined(typeof(RequiredAttribute), inherit: true)))
        {
            RequireSetting($"{prefix}__{property.Name}", $"{type.FullName}.{property.Name} is [Required]");
        }

        var defaults = type.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(type) : null;
        foreach (var property in properties.Where(property => property.PropertyType == typeof(string) && property.Name.EndsWith("Queue", StringComparison.Ordinal)))
        {
            PublishedQueues.Add(($"{prefix}__{property.Name}", property.GetValue(defaults) as string ?? string.Empty));
        }

        if (properties.FirstOrDefault(p => p.Name == "Queue" && p.PropertyType == typeof(string)) is { } queue
            && properties.FirstOrDefault(p => p.Name == "MaxDeliveryCount" && p.PropertyType == typeof(int)) is { } count)
        {
            DeliveryCounts.Add(($"{prefix}__{queue.Name}", queue.GetValue(defaults) as string ?? string.Empty, $"{prefix}__{count.Name}", (int)(count.GetValue(defaults) ?? 0)));
        }

        // A public base URL has a localhost default for development; in Azure links built from it must reach the app.
        foreach (var property in properties.Where(property => property.Name.EndsWith("PublicBaseUrl", StringComparison.Ordinal)))
        {
            RequireSetting($"{prefix}__{property.Name}", $"{type.FullName}.{property.Name} defaults to a development address, refused under the Functions host");
        }

        if (section == "Presale:Storage")
        {
            RequireRole(RequiredRole.StorageTableDataContributor($"{type.FullName} configures Table Storage"));
        }
    }

    private void AddServiceBus(string function, JsonElement binding, bool trigger)
    {
        var queue = Text(binding, "queueName")
            ?? throw new InvalidOperationException($"{function}/function.json: a Service Bus binding without queueName (topics are not provisioned).");
        var connection = Text(binding, "connection") ?? DefaultServiceBusConnection;
        RequireSetting($"{connection}__fullyQualifiedNamespace", $"Service Bus connection '{connection}' of {function}");
        RequireRole(RequiredRole.ServiceBusDataSender(trigger
            ? $"the app publishes the messages {function} consumes (outbox)"
            : $"{function} sends to '{queue}'"));
        if (trigger)
        {
            RequireRole(RequiredRole.ServiceBusDataReceiver($"{function} is triggered by '{queue}'"));
            SettingValues.TryAdd(
                "Presale__Messaging__Transport",
                ("ServiceBus", $"the Functions host triggers {function} from Service Bus, so the app must publish there; it refuses to start otherwise"));
            if (!ServiceBusQueues.TryGetValue(queue, out var listeners))
            {
                ServiceBusQueues[queue] = listeners = [];
            }

            listeners.Add(function);
        }
    }

    private void RequireSetting(string name, string reason) => Settings.TryAdd(name, reason);

    private void RequireRole(RequiredRole role)
    {
        if (!Roles.Any(existing => existing.RoleDefinitionId == role.RoleDefinitionId && existing.ScopeType == role.ScopeType))
        {
            Roles.Add(role);
        }
    }

    private static TimeSpan? Duration(string? text) =>
        text is null ? null : TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static string? Text(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            // The Functions host reads binding properties case-insensitively.
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        return null;
    }
}
