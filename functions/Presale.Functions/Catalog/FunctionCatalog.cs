namespace Presale.Functions.Catalog;

/// <summary>
/// The functions this app declares (its function.json files), loaded once at start. Names are case-insensitive, as
/// in the Functions host.
/// </summary>
public sealed class FunctionCatalog
{
    private readonly Dictionary<string, FunctionDefinition> _byName;

    /// <summary>Wraps loaded definitions.</summary>
    public FunctionCatalog(IEnumerable<FunctionDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        Definitions = definitions.ToArray();
        _byName = Definitions.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every definition, ordered by name.</summary>
    public IReadOnlyList<FunctionDefinition> Definitions { get; }

    /// <summary>The definition named <paramref name="name"/>, or null.</summary>
    public FunctionDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The definitions with trigger <paramref name="trigger"/>.</summary>
    public IEnumerable<FunctionDefinition> OfKind(TriggerKind trigger) => Definitions.Where(d => d.Trigger == trigger);

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
