using System.Text.Json.Nodes;

namespace Presale.Functions.Tests.Deployment;

/// <summary>Copies of a deployment snapshot with one thing removed or changed, to prove the cross-check notices.</summary>
internal static class TemplateEdits
{
    /// <summary>Removes the resource of <paramref name="type"/> whose name is or ends with <c>/<paramref name="name"/></c>.</summary>
    public static string RemoveResource(string snapshot, string type, string name) =>
        Edit(snapshot, resources =>
        {
            var resource = Single(resources, type, name);
            resources.Remove(resource);
        });

    /// <summary>Removes every role assignment of role <paramref name="roleDefinitionId"/>.</summary>
    public static string RemoveRoleAssignments(string snapshot, string roleDefinitionId) =>
        Edit(snapshot, resources =>
        {
            var assignments = RoleAssignments(resources, roleDefinitionId);
            Assert.NotEmpty(assignments);
            assignments.ForEach(assignment => resources.Remove(assignment));
        });

    /// <summary>Moves every role assignment of role <paramref name="roleDefinitionId"/> to the scope <paramref name="scope"/>.</summary>
    public static string RescopeRoleAssignments(string snapshot, string roleDefinitionId, string scope) =>
        Edit(snapshot, resources =>
        {
            var assignments = RoleAssignments(resources, roleDefinitionId);
            Assert.NotEmpty(assignments);
            foreach (var assignment in assignments)
            {
                var id = assignment["id"]!.GetValue<string>();
                assignment["id"] = scope + id[id.LastIndexOf("/providers/Microsoft.Authorization/", StringComparison.Ordinal)..];
            }
        });

    /// <summary>Sets the principal of every role assignment of role <paramref name="roleDefinitionId"/>.</summary>
    public static string SetRolePrincipal(string snapshot, string roleDefinitionId, string principalId) =>
        Edit(snapshot, resources =>
        {
            var assignments = RoleAssignments(resources, roleDefinitionId);
            Assert.NotEmpty(assignments);
            assignments.ForEach(assignment => assignment["properties"]!["principalId"] = principalId);
        });

    /// <summary>Sets app setting <paramref name="name"/> to <paramref name="value"/>, or removes it when null.</summary>
    public static string SetSetting(string snapshot, string name, string? value) =>
        Edit(snapshot, resources =>
        {
            var settings = Single(resources, "Microsoft.Web/sites/config", "appsettings")["properties"]!.AsObject();
            if (value is null)
            {
                Assert.True(settings.Remove(name), $"No app setting '{name}'.");
            }
            else
            {
                settings[name] = value;
            }
        });

    /// <summary>Sets <paramref name="property"/> of the properties of the resource (<paramref name="type"/>, <paramref name="name"/>), or removes it when null.</summary>
    public static string SetProperty(string snapshot, string type, string name, string property, JsonNode? value) =>
        Edit(snapshot, resources =>
        {
            var path = property.Split('.');
            var target = Single(resources, type, name)["properties"]!.AsObject();
            foreach (var part in path[..^1])
            {
                target = target[part]!.AsObject();
            }

            if (value is null)
            {
                Assert.True(target.Remove(path[^1]), $"No property '{property}'.");
            }
            else
            {
                target[path[^1]] = value;
            }
        });

    /// <summary>Sets the top-level <paramref name="property"/> (e.g. <c>sku</c>) of the resource (<paramref name="type"/>, <paramref name="name"/>).</summary>
    public static string SetResourceProperty(string snapshot, string type, string name, string property, JsonNode value) =>
        Edit(snapshot, resources => Single(resources, type, name)[property] = value);

    private static string Edit(string snapshot, Action<JsonArray> edit)
    {
        var root = JsonNode.Parse(snapshot)!.AsObject();
        edit(root["predictedResources"]!.AsArray());
        return root.ToJsonString();
    }

    private static JsonObject Single(JsonArray resources, string type, string name) =>
        Assert.Single(resources.OfType<JsonObject>(), resource =>
            InfraTemplate.Text(resource, "type") == type
            && InfraTemplate.Text(resource, "name") is { } resourceName
            && (resourceName == name || resourceName.EndsWith("/" + name, StringComparison.Ordinal)));

    private static List<JsonObject> RoleAssignments(JsonArray resources, string roleDefinitionId) =>
        [.. resources.OfType<JsonObject>().Where(resource =>
            InfraTemplate.Text(resource, "type") == "Microsoft.Authorization/roleAssignments"
            && InfraTemplate.Text(resource["properties"], "roleDefinitionId")?.EndsWith("/" + roleDefinitionId, StringComparison.OrdinalIgnoreCase) == true)];
}
