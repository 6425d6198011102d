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
