using System.Text.RegularExpressions;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// What infra-bicep/ provisions, read from the Bicep and parameter files by the conventions main.bicep documents:
/// Service Bus queues in <c>var serviceBusQueues</c>, app settings in <c>var commonSettings</c> and
/// <c>var presaleSettings</c>, role assignments as <c>Microsoft.Authorization/roleAssignments</c> resources.
/// </summary>
internal sealed class InfraTemplate
{
    /// <summary>Principal expression role assignments for the Function App's identity use.</summary>
    public const string AppPrincipal = "appPrincipalId";

    private InfraTemplate()
    {
    }

    /// <summary>Service Bus queues by name, each with its raw properties.</summary>
    public Dictionary<string, IReadOnlyDictionary<string, string>> ServiceBusQueues { get; } = new(StringComparer.Ordinal);

    /// <summary>App settings every plan gets: name to raw Bicep value expression.</summary>
    public Dictionary<string, string> AppSettings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every role assignment resource in every template file.</summary>
    public List<RoleAssignment> RoleAssignments { get; } = [];

    /// <summary>Problems in the template's own structure (conventions broken, parameters unset, keys in settings).</summary>
    public List<string> StructuralProblems { get; } = [];

    /// <summary>Reads the templates of a folder (main.bicep, modules/*.bicep, *.bicepparam).</summary>
    public static InfraTemplate Load(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.bicep*", SearchOption.AllDirectories)
            .ToDictionary(
                path => Path.GetRelativePath(folder, path).Replace('\\', '/'),
                File.ReadAllText,
                StringComparer.Ordinal);
        return Parse(files);
    }

    /// <summary>Reads templates given as relative path to text (tests pass edited copies).</summary>
    public static InfraTemplate Parse(IReadOnlyDictionary<string, string> files)
    {
        var template = new InfraTemplate();
        var code = files.ToDictionary(pair => pair.Key, pair => BicepText.StripComments(pair.Value), StringComparer.Ordinal);
        if (!code.TryGetValue("main.bicep", out var main))
        {
            template.StructuralProblems.Add("infra-bicep/main.bicep is missing.");
            return template;
        }

        template.ReadQueues(main, code.GetValueOrDefault("modules/serviceBus.bicep") ?? string.Empty);
        template.ReadSettings(main);
        foreach (var (file, text) in code.Where(pair => pair.Key.EndsWith(".bicep", StringComparison.Ordinal)))
        {
            template.ReadRoleAssignments(file, text);
            template.CheckNoKeys(file, text);
        }

        template.CheckParameterFiles(main, code);
        return template;
    }

    private void ReadQueues(string main, string serviceBusModule)
    {
        var queues = BicepText.Variable(main, "serviceBusQueues");
        if (queues is null || !queues.TrimStart().StartsWith('['))
        {
            StructuralProblems.Add("main.bicep declares no array 'var serviceBusQueues = [...]'.");
            return;
        }

        foreach (var entry in BicepText.ArrayObjects(queues))
        {
            var properties = BicepText.ObjectEntries(entry).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
            var name = properties.TryGetValue("name", out var raw) ? BicepText.Literal(raw) : null;
            if (name is null)
            {
                StructuralProblems.Add($"A serviceBusQueues entry has no literal name: {entry}");
                continue;
            }

            ServiceBusQueues[name] = properties;
        }

        if (!Regex.IsMatch(main, @"queues:\s*serviceBusQueues\b"))
        {
            StructuralProblems.Add("main.bicep does not pass serviceBusQueues to the Service Bus module ('queues: serviceBusQueues').");
        }

        foreach (var required in new[] { "requiresDuplicateDetection: true", "deadLetteringOnMessageExpiration: true", "maxDeliveryCount: q.maxDeliveryCount", "lockDuration: q.lockDuration" })
        {
            if (!serviceBusModule.Contains(required, StringComparison.Ordinal))
            {
                StructuralProblems.Add($"modules/serviceBus.bicep does not set '{required}' on every queue.");
            }
        }
    }

    private void ReadSettings(string main)
    {
        foreach (var name in new[] { "commonSettings", "presaleSettings" })
        {
            var block = BicepText.Variable(main, name);
            if (block is null || !block.TrimStart().StartsWith('{'))
            {
                StructuralProblems.Add($"main.bicep declares no object 'var {name} = {{...}}'.");
                continue;
            }

            foreach (var (key, value) in BicepText.ObjectEntries(block))
            {
                AppSettings[key] = value;
            }
        }

        if (!Regex.IsMatch(main, @"settings:\s*union\(\s*commonSettings\s*,\s*presaleSettings\b"))
        {
            StructuralProblems.Add("main.bicep does not write commonSettings and presaleSettings to the app ('settings: union(commonSettings, presaleSettings, ...)').");
        }
    }

    private void ReadRoleAssignments(string file, string text)
    {
        var resourceTypes = Regex.Matches(text, @"^\s*resource\s+(\w+)\s+'([^'@]+)@", RegexOptions.Multiline)
            .ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value, StringComparer.Ordinal);
        var roleIds = BicepText.Variable(text, "roleIds") is { } block && block.TrimStart().StartsWith('{')
            ? BicepText.ObjectEntries(block).ToDictionary(pair => pair.Key, pair => BicepText.Literal(pair.Value) ?? pair.Value, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

        var declarations = Regex.Matches(
            text,
            @"^\s*resource\s+(?<symbol>\w+)\s+'Microsoft\.Authorization/roleAssignments@[^']+'\s*=\s*(?<condition>if\s*\()?",
            RegexOptions.Multiline);
        foreach (Match declaration in declarations)
        {
            var open = text.IndexOf('{', declaration.Index + declaration.Length);
            var body = BicepText.Block(text, open);
            var symbol = declaration.Groups["symbol"].Value;
            var scope = Regex.Match(body, @"\bscope:\s*(\w+)").Groups[1].Value;
            var principal = Regex.Match(body, @"\bprincipalId:\s*([^\r\n]+)").Groups[1].Value.Trim();
            var roleExpression = Regex.Match(body, @"\broleDefinitionId:\s*([^\r\n]+)").Groups[1].Value;
            var roleId = Regex.Match(roleExpression, @"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}") is { Success: true } literal
                ? literal.Value
                : Regex.Match(roleExpression, @"roleIds\.(\w+)") is { Success: true } reference && roleIds.TryGetValue(reference.Groups[1].Value, out var id)
                    ? id
                    : string.Empty;

            if (!Regex.IsMatch(body, @"\bname:\s*guid\("))
            {
                StructuralProblems.Add($"{file}: role assignment '{symbol}' is not named with guid(scope, principal, role).");
            }

            if (roleId.Length == 0 || !resourceTypes.TryGetValue(scope, out var scopeType))
            {
                StructuralProblems.Add($"{file}: cannot read the role or the scope of role assignment '{symbol}'.");
                continue;
            }

            RoleAssignments.Add(new(file, symbol, roleId.ToLowerInvariant(), scopeType, principal, declaration.Groups["condition"].Success));
        }
    }

    private void CheckNoKeys(string file, string text)
    {
        foreach (var marker in new[] { "listKeys(", "listConnectionStrings(", "AccountKey=", "SharedAccessKey" })
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                StructuralProblems.Add($"{file} uses '{marker}': connections must be identity-based, with no keys.");
            }
        }
    }

    private void CheckParameterFiles(string main, IReadOnlyDictionary<string, string> code)
    {
        var parameters = Regex.Matches(main, @"^\s*param\s+(\w+)\s+\w+(?<default>\s*=)?", RegexOptions.Multiline)
            .ToDictionary(match => match.Groups[1].Value, match => match.Groups["default"].Success, StringComparer.Ordinal);
        var parameterFiles = code.Where(pair => pair.Key.EndsWith(".bicepparam", StringComparison.Ordinal)).ToList();
        if (parameterFiles.Count == 0)
        {
            StructuralProblems.Add("infra-bicep has no .bicepparam file.");
        }

        foreach (var (file, text) in parameterFiles)
        {
            if (!Regex.IsMatch(text, @"^\s*using\s+'\./main\.bicep'", RegexOptions.Multiline))
            {
                StructuralProblems.Add($"{file} does not start with using './main.bicep'.");
            }

            var assigned = Regex.Matches(text, @"^\s*param\s+(\w+)\s*=", RegexOptions.Multiline).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            foreach (var (name, hasDefault) in parameters)
            {
                if (!hasDefault && !assigned.Contains(name))
                {
                    StructuralProblems.Add($"{file} does not set parameter '{name}', which has no default in main.bicep.");
                }
            }

            foreach (var name in assigned.Where(name => !parameters.ContainsKey(name)))
            {
                StructuralProblems.Add($"{file} sets parameter '{name}', which main.bicep does not declare.");
            }
        }
    }
}
