using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// What the app needs from its environment: the worker runtime, its queue and timer triggers, the Service Bus topic
/// it publishes integration events to, the settings its options classes require and the roles its identity needs.
/// Triggers are added through <see cref="AddQueueTrigger"/> and <see cref="AddTimerTrigger"/> from the build's
/// <c>functions.metadata</c> (<see cref="RuntimeContract"/>), which the SDK writes from the trigger attributes. Options
/// classes are read from the product assemblies.
/// </summary>
internal sealed class AppRequirements
{
    /// <summary>The connection of host storage (queue triggers without a connection use it).</summary>
    public const string HostStorageConnection = "AzureWebJobsStorage";

    private const string TableStorePort = "Presale.Application.Storage.ITableStore";

    /// <summary>Starts with what every Functions app needs: host storage with an identity, and telemetry.</summary>
    public AppRequirements()
    {
        RequireSetting($"{HostStorageConnection}__accountName", "the Functions host's storage, identity-based");
        RequireSetting("APPLICATIONINSIGHTS_CONNECTION_STRING", "telemetry");
        RequireRole(RequiredRole.StorageBlobDataOwner("the host keeps keys, timer schedules and leases in blobs (AzureWebJobsStorage); Flex Consumption deploys from a blob container"));
    }

    /// <summary>The worker runtime (<c>functionAppConfig.runtime</c> name and version on Flex Consumption).</summary>
    public (string Name, string Version)? WorkerRuntime { get; set; }

    /// <summary>The queue-triggered functions.</summary>
    public List<QueueTrigger> QueueTriggers { get; } = [];

    /// <summary>App settings that must be set: name to reason.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>App settings that must be set to one value: name to (value, reason).</summary>
    public Dictionary<string, (string Value, string Reason)> SettingValues { get; } = new(StringComparer.Ordinal);

    /// <summary>App settings that hold a secret when set, so must be Key Vault references: name to reason.</summary>
    public Dictionary<string, string> SecretSettings { get; } = new(StringComparer.Ordinal);

    /// <summary>App settings that must not be set: name to reason.</summary>
    public Dictionary<string, string> RetiredSettings { get; } = new(StringComparer.Ordinal);

    /// <summary>The integration-event topic: the setting naming it and the Service Bus connection it is reached through.</summary>
    public (string TopicSetting, string Connection)? EventsTopic { get; private set; }

    /// <summary>
    /// Queues the app publishes to, from options properties named <c>*Queue</c> (e.g. <c>Presale:Orders:ReconcileQueue</c>):
    /// the setting (environment form) and its default.
    /// </summary>
    public List<(string Setting, string Default)> PublishedQueues { get; } = [];

    /// <summary>Roles the app's identity needs.</summary>
    public List<RequiredRole> Roles { get; } = [];

    /// <summary>Options sections found (environment form, e.g. Presale__Orders) to their property names.</summary>
    public Dictionary<string, HashSet<string>> OptionSections { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The requirements of the app: its declared functions (<see cref="RuntimeContract"/>) and the options classes of its assemblies.</summary>
    public static AppRequirements Discover(IEnumerable<Assembly> assemblies)
    {
        var requirements = new AppRequirements();
        RuntimeContract.AddTo(requirements);
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

    /// <summary>A function triggered by a storage queue (<paramref name="connection"/> null = host storage).</summary>
    public void AddQueueTrigger(string function, string queue, string? connection)
    {
        QueueTriggers.Add(new(function, queue, connection ?? HostStorageConnection));
        RequireRole(RequiredRole.StorageQueueDataContributor($"{function} is triggered by queue '{queue}'"));
    }

    /// <summary>A timer function; a <c>%Setting%</c> schedule makes the setting required.</summary>
    public void AddTimerTrigger(string function, string schedule)
    {
        if (SettingExpression(schedule) is { } setting)
        {
            RequireSetting(setting, $"the schedule of {function}");
        }
    }

    /// <summary>The app publishes integration events to the topic <paramref name="topicSetting"/> names, through <paramref name="connection"/>.</summary>
    public void AddEventsTopic(string topicSetting, string connection)
    {
        EventsTopic = (topicSetting, connection);
        RequireSetting(topicSetting, "the integration-event topic; unset, no integration events are published");
        RequireSetting($"{connection}__fullyQualifiedNamespace", $"the Service Bus namespace of connection '{connection}', identity-based");
        RequireRole(RequiredRole.ServiceBusDataSender("the app publishes integration events to the topic"));
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

    /// <summary>
    /// Adds an options class (no effect on other types): its section, its [Required] properties, the queues it
    /// publishes to, and its secrets (string properties named <c>*Secret</c> or <c>*Key</c>).
    /// </summary>
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

        foreach (var property in properties.Where(property => property.PropertyType == typeof(string)
            && (property.Name.EndsWith("Secret", StringComparison.Ordinal) || property.Name.EndsWith("Key", StringComparison.Ordinal))))
        {
            SecretSettings.TryAdd($"{prefix}__{property.Name}", $"{type.FullName}.{property.Name} is a secret");
        }

        var defaults = type.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(type) : null;
        foreach (var property in properties.Where(property => property.PropertyType == typeof(string) && property.Name.EndsWith("Queue", StringComparison.Ordinal)))
        {
            PublishedQueues.Add(($"{prefix}__{property.Name}", property.GetValue(defaults) as string ?? string.Empty));
        }

        // A public base URL has a localhost default for development; in Azure links built from it must reach the app.
        foreach (var property in properties.Where(property => property.Name.EndsWith("PublicBaseUrl", StringComparison.Ordinal)))
        {
            RequireSetting($"{prefix}__{property.Name}", $"{type.FullName}.{property.Name} defaults to a development address, refused in Azure");
        }

        if (section == "Presale:Storage")
        {
            RequireRole(RequiredRole.StorageTableDataContributor($"{type.FullName} configures Table Storage"));
        }
    }

    /// <summary>The setting a binding expression <c>%Setting%</c> names, or null for a literal.</summary>
    public static string? SettingExpression(string value) =>
        value.Length > 2 && value[0] == '%' && value[^1] == '%' ? value[1..^1] : null;

    /// <summary>Requires app setting <paramref name="name"/> (the first reason given is kept).</summary>
    public void RequireSetting(string name, string reason) => Settings.TryAdd(name, reason);

    private void RequireRole(RequiredRole role)
    {
        if (!Roles.Any(existing => existing.RoleDefinitionId == role.RoleDefinitionId && existing.Target == role.Target))
        {
            Roles.Add(role);
        }
    }
}
