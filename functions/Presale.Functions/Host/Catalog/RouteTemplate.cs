using System.Text.RegularExpressions;

namespace Presale.Functions.Host.Catalog;

/// <summary>
/// A route template reduced to its shape, so an HTTP trigger's <c>Route</c> and an ASP.NET Core route pattern can be
/// compared: case-insensitive literals, and parameters without names, constraints or defaults (<c>{id:int}</c> and
/// <c>{orderId}</c> are the same segment). A trailing catch-all (<c>{*rest}</c>) covers every path below its prefix.
/// </summary>
/// <remarks>
/// Convention: an HTTP function's <c>route</c> equals the app's route template without the <c>/api</c> prefix
/// (<c>orders/{orderId}</c> for <c>/api/orders/{orderId}</c>), because with <c>enableForwardingHttpRequest</c> the host
/// forwards the original path. One function may cover a group of endpoints with a catch-all route
/// (<c>orders/{*rest}</c>), then its methods and authLevel apply to all of them.
/// </remarks>
public sealed partial class RouteTemplate : IEquatable<RouteTemplate>
{
    private const string Parameter = "{}";
    private const string CatchAll = "{*}";

    private RouteTemplate(string[] segments) => Segments = segments;

    /// <summary>The normalised segments.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>Whether the last segment is a catch-all parameter.</summary>
    public bool IsCatchAll => Segments.Count > 0 && Segments[^1] == CatchAll;

    /// <summary>Normalises <paramref name="template"/> (leading and trailing slashes ignored).</summary>
    public static RouteTemplate Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var segments = template.Trim().Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(NormaliseSegment)
            .ToArray();
        return new RouteTemplate(segments);
    }

    /// <summary>
    /// Whether a request routed to <paramref name="endpoint"/> falls under this template: the same shape, or, for a
    /// catch-all template, any shape starting with its prefix.
    /// </summary>
    public bool Covers(RouteTemplate endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!IsCatchAll)
        {
            return Equals(endpoint);
        }

        var prefix = Segments.Count - 1;
        return endpoint.Segments.Count >= prefix && Segments.Take(prefix).SequenceEqual(endpoint.Segments.Take(prefix));
    }

    /// <summary>Whether the template starts with <paramref name="literal"/> as its first segment.</summary>
    public bool StartsWith(string literal) =>
        Segments.Count > 0 && string.Equals(Segments[0], literal, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public bool Equals(RouteTemplate? other) => other is not null && Segments.SequenceEqual(other.Segments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RouteTemplate);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <inheritdoc />
    public override string ToString() => string.Join('/', Segments);

    private static string NormaliseSegment(string segment)
    {
        if (segment.StartsWith("{*", StringComparison.Ordinal) && segment.EndsWith('}'))
        {
            return CatchAll;
        }

        return ParameterPattern().Replace(segment, Parameter).ToLowerInvariant();
    }

    [GeneratedRegex(@"\{[^{}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();
}
