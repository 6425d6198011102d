using System.Collections.Concurrent;

namespace Presale.Application.Suppliers;

/// <summary>
/// A figure learned per supplier from its lot history, kept for <see cref="Duration"/> so a burst of requests (a quote,
/// an order burst, a page of replenishment suggestions) reads the supplier's lots once. Lots change on supplier
/// webhooks, minutes to days apart; a minute-old figure is as good as a fresh one.
/// </summary>
/// <typeparam name="T">The figure.</typeparam>
public sealed class SupplierCache<T>(TimeProvider timeProvider)
{
    /// <summary>How long a figure is kept.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (T Value, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    /// <summary>The figure of <paramref name="supplierId"/>: the kept one while it is fresh, else <paramref name="compute"/>'s, kept from now.</summary>
    public async Task<T> GetAsync(string supplierId, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var now = timeProvider.GetUtcNow();
        if (_entries.TryGetValue(supplierId, out var cached) && cached.Until > now)
        {
            return cached.Value;
        }

        var value = await compute(cancellationToken).ConfigureAwait(false);
        _entries[supplierId] = (value, now + Duration);
        return value;
    }
}
