using System.Collections.Concurrent;
using System.Reflection;

namespace Presale.Functions.Host.Catalog;

/// <summary>
/// The functions this app declares (its <c>functions.metadata</c>), loaded once at start. Names are case-insensitive,
/// as in the Functions host.
/// </summary>
public sealed class FunctionCatalog
{
    private readonly Dictionary<string, FunctionDefinition> _byName;
    private readonly ConcurrentDictionary<string, FunctionMethod> _methods = new(StringComparer.OrdinalIgnoreCase);
    private readonly Assembly _assembly;

    /// <summary>Wraps loaded definitions whose entry points are in <paramref name="assembly"/> (default: this app).</summary>
    public FunctionCatalog(IEnumerable<FunctionDefinition> definitions, Assembly? assembly = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        Definitions = definitions.ToArray();
        _byName = Definitions.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        _assembly = assembly ?? typeof(FunctionCatalog).Assembly;
    }

    /// <summary>Every definition, ordered by name.</summary>
    public IReadOnlyList<FunctionDefinition> Definitions { get; }

    /// <summary>The definition named <paramref name="name"/>, or null.</summary>
    public FunctionDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The definitions with trigger <paramref name="trigger"/>.</summary>
    public IEnumerable<FunctionDefinition> OfKind(TriggerKind trigger) => Definitions.Where(d => d.Trigger == trigger);

    /// <summary>The method behind <paramref name="definition"/>.</summary>
    /// <exception cref="InvalidOperationException">Its entry point is missing or asks for what the host cannot supply.</exception>
    public FunctionMethod Method(FunctionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _methods.GetOrAdd(definition.Name, _ => FunctionMethod.Resolve(definition, _assembly));
    }

    /// <summary>
    /// The HTTP function that covers a request routed to <paramref name="endpointRoute"/> with <paramref name="method"/>:
    /// an exact route first, then the catch-all with the longest prefix. Null when none does.
    /// </summary>
    public FunctionDefinition? FindHttp(RouteTemplate endpointRoute, string method) =>
        OfKind(TriggerKind.Http)
            .Where(d => d.HttpRoute!.Covers(endpointRoute) && d.AllowsMethod(method))
            .OrderBy(d => d.HttpRoute!.IsCatchAll)
            .ThenByDescending(d => d.HttpRoute!.Segments.Count)
            .FirstOrDefault();
}
