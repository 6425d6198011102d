using System.Text.RegularExpressions;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// Compares what the app needs (<see cref="AppRequirements"/>) with what infra-bicep provisions
/// (<see cref="InfraTemplate"/>) and lists every gap as a sentence naming the queue, setting or role.
/// </summary>
internal static class DeploymentCrossCheck
{
    /// <summary>Every gap between the app and the template; empty when the template provides everything.</summary>
    public static IReadOnlyList<string> Problems(AppRequirements app, InfraTemplate template)
    {
        var problems = new List<string>(template.StructuralProblems);

        foreach (var (queue, listeners) in app.ServiceBusQueues)
        {
            var name = ResolveQueueName(queue, template, problems);
            if (name is not null && !template.ServiceBusQueues.ContainsKey(name))
            {
                problems.Add($"Service Bus queue '{name}' ({string.Join(", ", listeners)} listens on it) is not created: add it to serviceBusQueues in infra-bicep/main.bicep.");
            }
        }

        foreach (var (queue, properties) in template.ServiceBusQueues)
        {
            foreach (var property in new[] { "lockDuration", "maxDeliveryCount", "defaultMessageTimeToLive", "duplicateDetectionHistoryTimeWindow" })
            {
                if (!properties.ContainsKey(property))
                {
                    problems.Add($"Service Bus queue '{queue}' has no {property} in serviceBusQueues.");
                }
            }
        }

        CheckLocks(app, template, problems);
        CheckPublishedQueues(app, template, problems);

        foreach (var (setting, reason) in app.Settings)
        {
            if (!template.AppSettings.ContainsKey(setting))
            {
                problems.Add($"App setting '{setting}' is not set ({reason}): add it to commonSettings or presaleSettings in infra-bicep/main.bicep.");
            }
        }

        foreach (var (setting, (value, reason)) in app.SettingValues)
        {
            if (!template.AppSettings.TryGetValue(setting, out var actual))
            {
                problems.Add($"App setting '{setting}' is not set ({reason}): set it to '{value}' in presaleSettings in infra-bicep/main.bicep.");
            }
            else if (!string.Equals(BicepText.Literal(actual), value, StringComparison.Ordinal))
            {
                problems.Add($"App setting '{setting}' is {actual.Trim()}, not '{value}' ({reason}).");
            }
        }

        foreach (var setting in template.AppSettings.Keys.Where(key => key.StartsWith("Presale__", StringComparison.OrdinalIgnoreCase)))
        {
            var parts = setting.Split("__");
            if (parts.Length < 3)
            {
                problems.Add($"App setting '{setting}' does not have the form Presale__<Section>__<Property>.");
                continue;
            }

            if (app.OptionSections.TryGetValue($"{parts[0]}__{parts[1]}", out var properties) && !properties.Contains(parts[2]))
            {
                problems.Add($"App setting '{setting}' names no property of the Presale:{parts[1]} options class (properties: {string.Join(", ", properties.Order(StringComparer.Ordinal))}).");
            }
        }

        foreach (var role in RolesNeeded(app, template))
        {
            var assignments = template.RoleAssignments
                .Where(assignment => assignment.RoleDefinitionId == role.RoleDefinitionId
                    && string.Equals(assignment.ScopeType, role.ScopeType, StringComparison.OrdinalIgnoreCase)
                    && assignment.PrincipalExpression == InfraTemplate.AppPrincipal)
                .ToList();
            if (assignments.Count == 0)
            {
                problems.Add($"Role '{role.Name}' on {role.ScopeType} is not assigned to the app's identity ({role.Reason}): add it to infra-bicep/modules/roleAssignments.bicep.");
            }
            else if (assignments.All(assignment => assignment.Conditional))
            {
                problems.Add($"Role '{role.Name}' on {role.ScopeType} is assigned to the app only under a condition ({role.Reason}).");
            }
        }

        return problems;
    }

    /// <summary>The app's own needs plus those its configuration in the template implies.</summary>
    public static IReadOnlyList<RequiredRole> RolesNeeded(AppRequirements app, InfraTemplate template)
    {
        var roles = new List<RequiredRole>(app.Roles);
        if (template.AppSettings.Values.Any(value => value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal)))
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

    /// <summary>The Service Bus maximum lock duration.</summary>
    private static readonly TimeSpan MaxLockDuration = TimeSpan.FromMinutes(5);

    /// <summary>
    /// host.json renews a message's lock for at least the function timeout (or a long run loses its lock and the message
    /// is delivered again while it runs), and every queue's lock is within Service Bus's limit and shorter than that renewal.
    /// </summary>
    private static void CheckLocks(AppRequirements app, InfraTemplate template, List<string> problems)
    {
        if (app.FunctionTimeout is { } timeout && app.MaxAutoLockRenewalDuration is { } renewal && renewal < timeout)
        {
            problems.Add($"host.json: extensions.serviceBus.maxAutoLockRenewalDuration ({renewal}) is shorter than functionTimeout ({timeout}): a long run would lose its message lock and the message be delivered again while it runs.");
        }

        foreach (var (queue, properties) in template.ServiceBusQueues)
        {
            if (!properties.TryGetValue("lockDuration", out var raw) || BicepText.Literal(raw) is not { } literal)
            {
                continue;
            }

            var lockDuration = System.Xml.XmlConvert.ToTimeSpan(literal);
            if (lockDuration > MaxLockDuration)
            {
                problems.Add($"Service Bus queue '{queue}': lockDuration {literal} exceeds the Service Bus maximum of PT5M.");
            }

            if (app.MaxAutoLockRenewalDuration is { } renewedFor && lockDuration >= renewedFor)
            {
                problems.Add($"Service Bus queue '{queue}': lockDuration {literal} is not shorter than host.json's maxAutoLockRenewalDuration ({renewedFor}).");
            }
        }
    }

    /// <summary>
    /// Every queue an options class publishes to exists, and a queue's options <c>MaxDeliveryCount</c> equals the
    /// queue's <c>maxDeliveryCount</c>. Values are the template's setting when it sets one, else the options default.
    /// </summary>
    private static void CheckPublishedQueues(AppRequirements app, InfraTemplate template, List<string> problems)
    {
        foreach (var (setting, fallback) in app.PublishedQueues)
        {
            var queue = Effective(template, setting, fallback);
            if (!template.ServiceBusQueues.ContainsKey(queue))
            {
                problems.Add($"Service Bus queue '{queue}' ({setting} publishes to it) is not created: add it to serviceBusQueues in infra-bicep/main.bicep.");
            }
        }

        foreach (var (queueSetting, queueFallback, countSetting, countFallback) in app.DeliveryCounts)
        {
            var queue = Effective(template, queueSetting, queueFallback);
            var count = Effective(template, countSetting, countFallback.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (template.ServiceBusQueues.TryGetValue(queue, out var properties)
                && properties.TryGetValue("maxDeliveryCount", out var raw)
                && !string.Equals(raw.Trim(), count, StringComparison.Ordinal))
            {
                problems.Add($"{countSetting} is {count} but Service Bus queue '{queue}' has maxDeliveryCount {raw.Trim()}: they must agree.");
            }
        }
    }

    private static string Effective(InfraTemplate template, string setting, string fallback) =>
        template.AppSettings.TryGetValue(setting, out var value) ? BicepText.Literal(value) ?? value.Trim() : fallback;

    private static string? ResolveQueueName(string queue, InfraTemplate template, List<string> problems)
    {
        var expression = Regex.Match(queue, "^%(.+)%$");
        if (!expression.Success)
        {
            return queue;
        }

        var setting = expression.Groups[1].Value;
        if (template.AppSettings.TryGetValue(setting, out var value) && BicepText.Literal(value) is { } literal)
        {
            return literal;
        }

        problems.Add($"Queue name '{queue}' refers to app setting '{setting}', which the template does not set to a literal.");
        return null;
    }
}
