namespace Presale.Application.Orders;

/// <summary>
/// Settings of pre-sale ordering (section <c>Presale:Orders</c>; environment form <c>Presale__Orders__Property</c>).
/// Every property has a safe default.
/// </summary>
public sealed class OrdersOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Orders";

    /// <summary>
    /// The shop's IANA time zone when <c>PUT /api/shop</c> leaves <c>timeZone</c> out (the stored shop settings are what
    /// promises use). Default <c>UTC</c>.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Table holding the shop's settings. Default <c>shop</c>.</summary>
    public string ShopTable { get; set; } = "shop";

    /// <summary>Table holding, per SKU partition, its settings, supply ledger, allocation shards and reservations. Default <c>supply</c>.</summary>
    public string SupplyTable { get; set; } = "supply";

    /// <summary>Table holding supplier lots (partition = supplier). Default <c>lots</c>.</summary>
    public string LotsTable { get; set; } = "lots";

    /// <summary>Table holding orders, their saga markers and outbox messages (partition = order bucket). Default <c>orders</c>.</summary>
    public string OrdersTable { get; set; } = "orders";

    /// <summary>Queue that order confirmations and cancellations are published to. Default <c>reconcile</c>.</summary>
    public string ReconcileQueue { get; set; } = "reconcile";

    /// <summary>
    /// Allocation shards a new SKU's capacity is split into (1–64); more shards let more concurrent orders of one SKU
    /// proceed without conflict. Existing SKUs keep the count they were created with. Default 32.
    /// </summary>
    public int AllocationShards { get; set; } = 32;

    /// <summary>How long a placement may stay pending before the saga sweeper abandons it and releases its reservations. Default 2 minutes.</summary>
    public TimeSpan PendingTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long after a cancellation the sweeper retries releasing its reservations if the request did not finish. Default 30 seconds.</summary>
    public TimeSpan ReleaseRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How old an outbox message must be before the sweeper republishes it (the request publishes it first). Default 30 seconds.</summary>
    public TimeSpan OutboxGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the shop settings are cached in process. Default 30 seconds.</summary>
    public TimeSpan ShopSettingsCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest request body accepted by the ordering routes, in bytes (1 KiB–1 MiB). Default 65,536.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Most lines an order or quote may have (1–100). Default 50.</summary>
    public int MaxLinesPerOrder { get; set; } = 50;

    /// <summary>The problems with these settings, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, value) in new[] { (nameof(ShopTable), ShopTable), (nameof(SupplyTable), SupplyTable), (nameof(LotsTable), LotsTable), (nameof(OrdersTable), OrdersTable) })
        {
            if (string.IsNullOrEmpty(value) || value.Length is < 3 or > 63 || !char.IsAsciiLetter(value[0]) || !value.All(char.IsAsciiLetterOrDigit))
            {
                errors.Add($"{SectionName}:{name} must be a table name: 3–63 letters or digits, starting with a letter (got '{value}').");
            }
        }

        if (string.IsNullOrEmpty(ReconcileQueue) || ReconcileQueue.Length is < 3 or > 63 || !ReconcileQueue.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors.Add($"{SectionName}:{nameof(ReconcileQueue)} must be a queue name: 3–63 lower-case letters, digits or '-' (got '{ReconcileQueue}').");
        }

        if (Domain.Shop.ShopSettings.ValidateTimeZone(TimeZone) is { } zoneError)
        {
            errors.Add($"{SectionName}:{nameof(TimeZone)}: {zoneError}");
        }

        Check(errors, AllocationShards is >= 1 and <= 64, nameof(AllocationShards), "must be between 1 and 64");
        Check(errors, PendingTimeout >= TimeSpan.FromSeconds(10), nameof(PendingTimeout), "must be at least 10 seconds");
        Check(errors, ReleaseRetryDelay > TimeSpan.Zero, nameof(ReleaseRetryDelay), "must be positive");
        Check(errors, OutboxGrace >= TimeSpan.Zero, nameof(OutboxGrace), "must not be negative");
        Check(errors, ShopSettingsCacheDuration >= TimeSpan.Zero, nameof(ShopSettingsCacheDuration), "must not be negative");
        Check(errors, MaxRequestBodyBytes is >= 1024 and <= 1024 * 1024, nameof(MaxRequestBodyBytes), "must be between 1024 and 1048576");
        Check(errors, MaxLinesPerOrder is >= 1 and <= 100, nameof(MaxLinesPerOrder), "must be between 1 and 100");
        return errors;
    }

    private static void Check(List<string> errors, bool ok, string name, string rule)
    {
        if (!ok)
        {
            errors.Add($"{SectionName}:{name} {rule}.");
        }
    }
}
