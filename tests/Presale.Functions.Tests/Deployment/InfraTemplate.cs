using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// What infra-bicep deploys with one parameter file, read from the deployment snapshot the Bicep CLI computes
/// (<c>bicep snapshot</c>: main.bicep compiled to ARM JSON and evaluated with the parameters, modules expanded, every
/// resource with its final name and properties). Values known only during a deployment stay ARM expressions, e.g.
/// <c>[reference('/subscriptions/…/components/appi-…', '2020-02-02').ConnectionString]</c>.
/// </summary>
internal sealed partial class InfraTemplate
{
    /// <summary>The subscription the snapshot is computed for (any id: names derive from it consistently).</summary>
    public const string SubscriptionId = "00000000-0000-4000-8000-000000000001";

    /// <summary>The resource group the snapshot is computed for.</summary>
    public const string ResourceGroup = "rg-presale-snapshot";

    private InfraTemplate(string source, string json)
    {
        Source = source;
        Json = json;
    }

    /// <summary>The parameter file the snapshot was computed from.</summary>
    public string Source { get; }

    /// <summary>The snapshot's JSON text.</summary>
    public string Json { get; }

    /// <summary>Every resource the deployment creates: resource id to the resource.</summary>
    public Dictionary<string, JsonObject> Resources { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Function App (<c>Microsoft.Web/sites</c> of kind functionapp), when there is exactly one.</summary>
    public JsonObject? FunctionApp { get; private set; }

    /// <summary>The Function App's resource id.</summary>
    public string FunctionAppId => FunctionApp?["id"]?.GetValue<string>() ?? string.Empty;

    /// <summary>The Function App's app settings (its <c>config/appsettings</c> resource): name to value.</summary>
    public Dictionary<string, string> AppSettings { get; } = new(StringComparer.Ordinal);

    /// <summary>Role assignments of every principal.</summary>
    public List<RoleAssignment> RoleAssignments { get; } = [];

    /// <summary>Problems reading the snapshot (missing Function App or settings, unreadable role assignments).</summary>
    public List<string> StructuralProblems { get; } = [];

    /// <summary>Computes the snapshot of <paramref name="parameterFile"/> in <paramref name="folder"/> with the Bicep CLI.</summary>
    public static async Task<InfraTemplate> SnapshotAsync(string folder, string parameterFile)
    {
        var result = await BicepCli.RunAsync(
            folder,
            "snapshot", parameterFile,
            "--mode", "overwrite",
            "--subscription-id", SubscriptionId,
            "--resource-group", ResourceGroup,
            "--location", "swedencentral",
            "--tenant-id", "00000000-0000-4000-8000-000000000002",
            "--deployment-name", "presale");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep snapshot {parameterFile} failed: {result}");
        }

        var snapshot = Path.Combine(folder, Path.ChangeExtension(parameterFile, ".snapshot.json"));
        return Parse(await File.ReadAllTextAsync(snapshot), parameterFile);
    }

    /// <summary>Reads a snapshot's JSON (tests pass edited copies).</summary>
    public static InfraTemplate Parse(string snapshotJson, string source)
    {
        var template = new InfraTemplate(source, snapshotJson);
        var root = JsonNode.Parse(snapshotJson)?.AsObject() ?? throw new InvalidOperationException($"The snapshot of {source} is empty.");
        foreach (var resource in root["predictedResources"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            template.Add(resource);
        }

        template.ReadFunctionApp();
        return template;
    }

    /// <summary>The resource id of a resource of this resource group, e.g. <c>("Microsoft.Storage/storageAccounts/queueServices/queues", "st", "default", "reconcile")</c>.</summary>
    public static string ResourceId(string type, params string[] names)
    {
        var types = type.Split('/');
        var id = $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/{types[0]}/{types[1]}/{names[0]}";
        for (var i = 1; i < names.Length; i++)
        {
            id += $"/{types[i + 1]}/{names[i]}";
        }

        return id;
    }

    /// <summary>The resources of one type: their names (for child resources <c>parent/child</c>) to the resource.</summary>
    public IEnumerable<(string Name, JsonObject Resource)> OfType(string type) =>
        Resources.Values
            .Where(resource => string.Equals(Text(resource, "type"), type, StringComparison.OrdinalIgnoreCase))
            .Select(resource => (Text(resource, "name") ?? string.Empty, resource));

    /// <summary>True when the deployment creates the resource with this id.</summary>
    public bool Has(string resourceId) => Resources.ContainsKey(resourceId);

    /// <summary>
    /// The resource id a runtime value reads from, e.g. the component of
    /// <c>[reference('/subscriptions/…/components/appi-x', '2020-02-02').ConnectionString]</c>; null for other values.
    /// </summary>
    public static string? ReferencedResource(string value) =>
        ReferenceExpression().Match(value) is { Success: true } match ? match.Groups["id"].Value : null;

    /// <summary>The runtime value of the Function App's system-assigned principal id, as the snapshot writes it.</summary>
    public bool IsFunctionAppPrincipal(string principalId) =>
        FunctionApp is not null
        && ReferencedResource(principalId) is { } id
        && string.Equals(id, FunctionAppId, StringComparison.OrdinalIgnoreCase)
        && principalId.EndsWith(".identity.principalId]", StringComparison.Ordinal);

    private void Add(JsonObject resource)
    {
        var id = Text(resource, "id");
        var type = Text(resource, "type");
        if (id is null || type is null || id.StartsWith('['))
        {
            StructuralProblems.Add($"{Source}: a resource's id is not known before deployment ({type}: {id}); name resources from parameters and variables only.");
            return;
        }

        Resources[id] = resource;
        if (string.Equals(type, "Microsoft.Authorization/roleAssignments", StringComparison.OrdinalIgnoreCase))
        {
            const string Marker = "/providers/Microsoft.Authorization/roleAssignments/";
            var scopeEnd = id.LastIndexOf(Marker, StringComparison.OrdinalIgnoreCase);
            var role = Text(resource["properties"], "roleDefinitionId")?.Split('/')[^1].ToLowerInvariant();
            var principal = Text(resource["properties"], "principalId");
            if (scopeEnd < 0 || role is null || principal is null)
            {
                StructuralProblems.Add($"{Source}: cannot read the scope, role or principal of role assignment {id}.");
                return;
            }

            RoleAssignments.Add(new(role, id[..scopeEnd], principal));
        }
    }

    private void ReadFunctionApp()
    {
        var apps = OfType("Microsoft.Web/sites")
            .Where(site => Text(site.Resource, "kind")?.Contains("functionapp", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        if (apps.Count != 1)
        {
            StructuralProblems.Add($"{Source}: expected one Function App, found {apps.Count}.");
            return;
        }

        FunctionApp = apps[0].Resource;
        var settings = ResourceId("Microsoft.Web/sites/config", apps[0].Name, "appsettings");
        if (!Resources.TryGetValue(settings, out var config) || config["properties"] is not JsonObject properties)
        {
            StructuralProblems.Add($"{Source}: the Function App has no app settings (Microsoft.Web/sites/config 'appsettings').");
            return;
        }

        foreach (var (name, value) in properties)
        {
            AppSettings[name] = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString() ?? string.Empty;
        }
    }

    /// <summary>A boolean property of a JSON object, or null when it is absent or not a boolean.</summary>
    public static bool? Flag(JsonNode? node, string name) =>
        node is JsonObject json && json[name] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    /// <summary>A string property of a JSON object, or null.</summary>
    public static string? Text(JsonNode? node, string name) =>
        node is JsonObject json && json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    [GeneratedRegex(@"^\[reference\('(?<id>[^']+)'")]
    private static partial Regex ReferenceExpression();
}
