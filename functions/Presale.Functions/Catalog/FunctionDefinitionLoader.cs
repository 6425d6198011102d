using System.Text.Json;
using System.Text.RegularExpressions;
using Presale.Functions.Standalone;

namespace Presale.Functions.Catalog;

/// <summary>
/// Reads <c>&lt;FunctionName&gt;/function.json</c> files into <see cref="FunctionDefinition"/>s. Presale understands
/// exactly one trigger per function: <c>httpTrigger</c> (with an <c>http</c> output, which request forwarding needs),
/// <c>timerTrigger</c> or <c>serviceBusTrigger</c>. <c>%Setting%</c> in a schedule or queue name is resolved from
/// configuration, as the Functions host does.
/// </summary>
public static partial class FunctionDefinitionLoader
{
    /// <summary>The definition file name.</summary>
    public const string FileName = "function.json";

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Loads every <c>*/function.json</c> directly below <paramref name="root"/>, ordered by name.</summary>
    /// <exception cref="InvalidOperationException">Listing every malformed definition with its file.</exception>
    public static IReadOnlyList<FunctionDefinition> LoadDirectory(string root, Func<string, string?>? resolveSetting = null)
    {
        if (!Directory.Exists(root))
        {
            throw new InvalidOperationException($"The function definitions folder '{root}' does not exist.");
        }

        var definitions = new List<FunctionDefinition>();
        var errors = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(directory, FileName);
            if (!File.Exists(file))
            {
                continue;
            }

            try
            {
                definitions.Add(Parse(Path.GetFileName(directory), File.ReadAllText(file), file, resolveSetting));
            }
            catch (FormatException exception)
            {
                errors.Add(exception.Message);
            }
        }

        var duplicates = definitions.GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1);
        errors.AddRange(duplicates.Select(g => $"Function names differ only in case: {string.Join(", ", g.Select(d => d.Name))}."));
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid function definitions:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        return definitions.OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Parses one function.json.</summary>
    /// <exception cref="FormatException">Naming <paramref name="sourcePath"/> and what is wrong.</exception>
    public static FunctionDefinition Parse(string name, string json, string sourcePath, Func<string, string?>? resolveSetting = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!FunctionNamePattern().IsMatch(name))
        {
            throw Error(sourcePath, $"folder name '{name}' is not a valid function name (a letter, then letters, digits, '_' or '-').");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw Error(sourcePath, $"not valid JSON ({exception.Message}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("bindings", out var bindings) || bindings.ValueKind != JsonValueKind.Array)
            {
                throw Error(sourcePath, "expected an object with a \"bindings\" array.");
            }

            var triggers = bindings.EnumerateArray()
                .Where(b => String(b, "type") is { } type && type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (triggers.Count != 1)
            {
                throw Error(sourcePath, $"expected exactly one trigger binding, found {triggers.Count}.");
            }

            var trigger = triggers[0];
            var bindingName = String(trigger, "name") ?? throw Error(sourcePath, "the trigger binding has no \"name\".");
            var disabled = root.TryGetProperty("disabled", out var d) && d.ValueKind == JsonValueKind.True;
            var type = String(trigger, "type")!;
            return type.ToUpperInvariant() switch
            {
                "HTTPTRIGGER" => Http(name, bindingName, sourcePath, trigger, bindings) with { Disabled = disabled },
                "TIMERTRIGGER" => Timer(name, bindingName, sourcePath, trigger, resolveSetting) with { Disabled = disabled },
                "SERVICEBUSTRIGGER" => ServiceBus(name, bindingName, sourcePath, trigger, resolveSetting) with { Disabled = disabled },
                _ => throw Error(sourcePath, $"trigger type '{type}' is not supported; use httpTrigger, timerTrigger or serviceBusTrigger."),
            };
        }
    }

    private static FunctionDefinition Http(string name, string bindingName, string path, JsonElement trigger, JsonElement bindings)
    {
        var hasHttpOutput = bindings.EnumerateArray().Any(b =>
            string.Equals(String(b, "type"), "http", StringComparison.OrdinalIgnoreCase) &&
            string.Equals(String(b, "direction"), "out", StringComparison.OrdinalIgnoreCase));
        if (!hasHttpOutput)
        {
            throw Error(path, "an httpTrigger function needs an {\"type\": \"http\", \"direction\": \"out\"} binding: request forwarding applies only to functions with one HTTP trigger and one HTTP output.");
        }

        var level = String(trigger, "authLevel") ?? "function";
        AuthorizationLevel authLevel = level.ToUpperInvariant() switch
        {
            "ANONYMOUS" => AuthorizationLevel.Anonymous,
            "FUNCTION" => AuthorizationLevel.Function,
            "ADMIN" => AuthorizationLevel.Admin,
            _ => throw Error(path, $"authLevel '{level}' is not anonymous, function or admin."),
        };

        var methods = new List<string>();
        if (trigger.TryGetProperty("methods", out var m) && m.ValueKind == JsonValueKind.Array)
        {
            foreach (var method in m.EnumerateArray())
            {
                var text = method.ValueKind == JsonValueKind.String ? method.GetString() : null;
                if (string.IsNullOrWhiteSpace(text))
                {
                    throw Error(path, "\"methods\" must hold HTTP method names.");
                }

                methods.Add(text.Trim().ToUpperInvariant());
            }
        }

        var route = String(trigger, "route");
        if (route is not null && (route.StartsWith('/') || route.StartsWith("api/", StringComparison.OrdinalIgnoreCase)))
        {
            throw Error(path, $"route '{route}' must not start with '/' or 'api/': the host adds the api/ prefix.");
        }

        return new FunctionDefinition(name, TriggerKind.Http, bindingName, path)
        {
            Route = route ?? name,
            Methods = methods,
            AuthLevel = authLevel,
        };
    }

    private static FunctionDefinition Timer(string name, string bindingName, string path, JsonElement trigger, Func<string, string?>? resolve)
    {
        var expression = Resolve(String(trigger, "schedule"), "schedule", path, resolve)
            ?? throw Error(path, "a timerTrigger needs a \"schedule\".");
        if (!CronSchedule.TryParse(expression, out var schedule, out var error))
        {
            throw Error(path, $"schedule: {error}");
        }

        return new FunctionDefinition(name, TriggerKind.Timer, bindingName, path)
        {
            Schedule = schedule,
            RunOnStartup = Bool(trigger, "runOnStartup", path) ?? false,
            UseMonitor = Bool(trigger, "useMonitor", path) ?? true,
        };
    }

    private static FunctionDefinition ServiceBus(string name, string bindingName, string path, JsonElement trigger, Func<string, string?>? resolve)
    {
        if (String(trigger, "topicName") is not null)
        {
            throw Error(path, "topic subscriptions are not supported; Presale's Service Bus functions read queues (\"queueName\").");
        }

        var queue = Resolve(String(trigger, "queueName"), "queueName", path, resolve)
            ?? throw Error(path, "a serviceBusTrigger needs a \"queueName\".");
        return new FunctionDefinition(name, TriggerKind.ServiceBus, bindingName, path)
        {
            QueueName = queue,
            Connection = String(trigger, "connection"),
        };
    }

    private static string? Resolve(string? value, string property, string path, Func<string, string?>? resolve)
    {
        if (value is null || !value.StartsWith('%') || !value.EndsWith('%') || value.Length < 3)
        {
            return value;
        }

        var setting = value[1..^1];
        var resolved = resolve?.Invoke(setting);
        return string.IsNullOrWhiteSpace(resolved)
            ? throw Error(path, $"{property} refers to app setting '{setting}', which is not set.")
            : resolved;
    }

    private static string? String(JsonElement element, string property)
    {
        foreach (var p in element.EnumerateObject())
        {
            if (string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
            {
                return p.Value.GetString();
            }
        }

        return null;
    }

    private static bool? Bool(JsonElement element, string property, string path)
    {
        foreach (var p in element.EnumerateObject())
        {
            if (string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw Error(path, $"\"{property}\" must be true or false."),
                };
            }
        }

        return null;
    }

    private static FormatException Error(string path, string message) => new($"{path}: {message}");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionNamePattern();
}
