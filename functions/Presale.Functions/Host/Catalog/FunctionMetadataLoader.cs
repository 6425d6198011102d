using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Presale.Functions.Host.Standalone;

namespace Presale.Functions.Host.Catalog;

/// <summary>
/// Reads the <c>functions.metadata</c> file the Functions worker SDK generates at build from the <c>[Function]</c> and
/// trigger attributes (the file the Functions host reads) into <see cref="FunctionDefinition"/>s. Presale understands
/// exactly one trigger per function: <c>httpTrigger</c>, <c>timerTrigger</c> or <c>queueTrigger</c>. <c>%Setting%</c> in
/// a schedule or queue name is resolved from configuration, as the Functions host does.
/// </summary>
public static class FunctionMetadataLoader
{
    /// <summary>The file name, next to the entry assembly.</summary>
    public const string FileName = "functions.metadata";

    /// <summary>Loads <paramref name="path"/> (a <c>functions.metadata</c> file), ordered by name.</summary>
    /// <exception cref="InvalidOperationException">Listing every malformed function with its name.</exception>
    public static IReadOnlyList<FunctionDefinition> Load(string path, Func<string, string?>? resolveSetting = null)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The function metadata file '{path}' does not exist: the worker SDK writes it at build next to the app.");
        }

        return Parse(File.ReadAllText(path), path, resolveSetting);
    }

    /// <summary>Parses the text of a <c>functions.metadata</c> file read from <paramref name="sourcePath"/>.</summary>
    /// <exception cref="InvalidOperationException">Listing every malformed function with its name.</exception>
    public static IReadOnlyList<FunctionDefinition> Parse(string json, string sourcePath, Func<string, string?>? resolveSetting = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"{sourcePath}: not valid JSON ({exception.Message}).", exception);
        }

        var definitions = new List<FunctionDefinition>();
        var errors = new List<string>();
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidOperationException($"{sourcePath}: expected an array of functions.");
            }

            foreach (var function in document.RootElement.EnumerateArray())
            {
                try
                {
                    definitions.Add(ParseFunction(function, resolveSetting));
                }
                catch (FormatException exception)
                {
                    errors.Add(exception.Message);
                }
            }
        }

        var duplicates = definitions.GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1);
        errors.AddRange(duplicates.Select(g => $"Function names differ only in case: {string.Join(", ", g.Select(d => d.Name))}."));
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Invalid functions in {sourcePath}:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        return definitions.OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
    }

    private static FunctionDefinition ParseFunction(JsonElement function, Func<string, string?>? resolve)
    {
        var name = String(function, "name") ?? throw new FormatException("A function has no \"name\".");
        var entryPoint = String(function, "entryPoint") ?? throw Error(name, "no \"entryPoint\".");
        if (!function.TryGetProperty("bindings", out var bindings) || bindings.ValueKind != JsonValueKind.Array)
        {
            throw Error(name, "no \"bindings\" array.");
        }

        var triggers = bindings.EnumerateArray()
            .Where(b => String(b, "type") is { } type && type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (triggers.Count != 1)
        {
            throw Error(name, $"expected exactly one trigger binding, found {triggers.Count}.");
        }

        var trigger = triggers[0];
        var bindingName = String(trigger, "name") ?? throw Error(name, "the trigger binding has no \"name\".");
        var type = String(trigger, "type")!;
        return type.ToUpperInvariant() switch
        {
            "HTTPTRIGGER" => Http(name, bindingName, entryPoint, trigger),
            "TIMERTRIGGER" => Timer(name, bindingName, entryPoint, trigger, resolve),
            "QUEUETRIGGER" => Queue(name, bindingName, entryPoint, trigger, resolve),
            _ => throw Error(name, $"trigger type '{type}' is not supported; use httpTrigger, timerTrigger or queueTrigger."),
        };
    }

    private static FunctionDefinition Http(string name, string bindingName, string entryPoint, JsonElement trigger)
    {
        var level = String(trigger, "authLevel") ?? "function";
        AuthorizationLevel authLevel = level.ToUpperInvariant() switch
        {
            "ANONYMOUS" => AuthorizationLevel.Anonymous,
            "FUNCTION" => AuthorizationLevel.Function,
            "ADMIN" => AuthorizationLevel.Admin,
            _ => throw Error(name, $"authLevel '{level}' is not anonymous, function or admin."),
        };

        var methods = new List<string>();
        if (trigger.TryGetProperty("methods", out var m) && m.ValueKind == JsonValueKind.Array)
        {
            foreach (var method in m.EnumerateArray())
            {
                var text = method.ValueKind == JsonValueKind.String ? method.GetString() : null;
                if (string.IsNullOrWhiteSpace(text))
                {
                    throw Error(name, "\"methods\" must hold HTTP method names.");
                }

                methods.Add(text.Trim().ToUpperInvariant());
            }
        }

        var route = String(trigger, "route");
        if (route is not null && (route.StartsWith('/') || route.StartsWith("api/", StringComparison.OrdinalIgnoreCase)))
        {
            throw Error(name, $"route '{route}' must not start with '/' or 'api/': the host adds the api/ prefix.");
        }

        return new FunctionDefinition(name, TriggerKind.Http, bindingName, entryPoint)
        {
            Route = route ?? name,
            Methods = methods,
            AuthLevel = authLevel,
        };
    }

    private static FunctionDefinition Timer(string name, string bindingName, string entryPoint, JsonElement trigger, Func<string, string?>? resolve)
    {
        var expression = Resolve(String(trigger, "schedule"), "schedule", name, resolve)
            ?? throw Error(name, "a timerTrigger needs a \"schedule\".");
        if (!CronSchedule.TryParse(expression, out var schedule, out var error))
        {
            throw Error(name, $"schedule: {error}");
        }

        return new FunctionDefinition(name, TriggerKind.Timer, bindingName, entryPoint)
        {
            Schedule = schedule,
            RunOnStartup = Bool(trigger, "runOnStartup", name) ?? false,
            UseMonitor = Bool(trigger, "useMonitor", name) ?? true,
        };
    }

    private static FunctionDefinition Queue(string name, string bindingName, string entryPoint, JsonElement trigger, Func<string, string?>? resolve)
    {
        var queue = Resolve(String(trigger, "queueName"), "queueName", name, resolve)
            ?? throw Error(name, "a queueTrigger needs a \"queueName\".");
        return new FunctionDefinition(name, TriggerKind.Queue, bindingName, entryPoint)
        {
            QueueName = queue,
            Connection = String(trigger, "connection"),
        };
    }

    private static string? Resolve(string? value, string property, string name, Func<string, string?>? resolve)
    {
        if (value is null || !value.StartsWith('%') || !value.EndsWith('%') || value.Length < 3)
        {
            return value;
        }

        var setting = value[1..^1];
        var resolved = resolve?.Invoke(setting);
        return string.IsNullOrWhiteSpace(resolved)
            ? throw Error(name, $"{property} refers to app setting '{setting}', which is not set.")
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

    private static bool? Bool(JsonElement element, string property, string name)
    {
        foreach (var p in element.EnumerateObject())
        {
            if (string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw Error(name, $"\"{property}\" must be true or false."),
                };
            }
        }

        return null;
    }

    private static FormatException Error(string name, string message) => new($"{name}: {message}");
}
