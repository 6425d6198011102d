using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Domain.Shop;

namespace Presale.Application.Shop;

/// <summary>
/// Reads and writes the shop's settings (one row), caching them in process for
/// <see cref="OrdersOptions.ShopSettingsCacheDuration"/> so order placement does not pay a read per order.
/// </summary>
public sealed class ShopSettingsStore(ITableStore store, OrdersOptions options, TimeProvider timeProvider)
{
    private const string Partition = "shop";
    private const string Row = "settings";
    private readonly TableBootstrap _tables = new(store, [options.ShopTable]);
    private readonly Lock _gate = new();
    private (ShopSettings? Settings, DateTimeOffset ReadAt)? _cached;

    /// <summary>The settings, or null when the shop has not been configured yet.</summary>
    public async Task<ShopSettings?> GetAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_cached is { } cached && cached.Settings is not null && now - cached.ReadAt < options.ShopSettingsCacheDuration)
            {
                return cached.Settings;
            }
        }

        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = await store.GetAsync(options.ShopTable, Partition, Row, cancellationToken).ConfigureAwait(false);
        var settings = entity is null
            ? null
            : new ShopSettings(entity.GetString("TimeZone")!, entity.GetString("Currency")!, entity.GetInt32("DefaultHandlingDays") ?? 0, entity.GetString("Locale")!);
        lock (_gate)
        {
            _cached = (settings, now);
        }

        return settings;
    }

    /// <summary>Stores validated settings and refreshes the cache.</summary>
    public async Task<ShopSettings> PutAsync(ShopSettingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = new ShopSettings(request.TimeZone ?? options.TimeZone, request.Currency!, request.DefaultHandlingDays!.Value, request.Locale!);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition, Row, new Dictionary<string, object?>
        {
            ["TimeZone"] = settings.TimeZoneId,
            ["Currency"] = settings.Currency,
            ["DefaultHandlingDays"] = settings.DefaultHandlingDays,
            ["Locale"] = settings.Locale,
        });
        await store.UpsertAsync(options.ShopTable, entity, merge: false, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _cached = (settings, timeProvider.GetUtcNow());
        }

        return settings;
    }

    /// <summary>The API view of <paramref name="settings"/>.</summary>
    public static ShopSettingsView ToView(ShopSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ShopSettingsView(settings.TimeZoneId, settings.Currency, settings.DefaultHandlingDays, settings.Locale);
    }
}
