using Presale.Application.Security;
using Presale.Application.Storage;

namespace Presale.Application.Suppliers;

/// <summary>The supplier row (partition = supplier id, row key <see cref="RowKey"/>): profile and both secret slots, so a rotation is one conditional write.</summary>
internal sealed record StoredSupplier(
    string Id,
    string Name,
    SupplierContact Contact,
    int? DefaultLeadTimeDays,
    DateTimeOffset CreatedAt,
    StoredWebhookSecret? Current,
    StoredWebhookSecret? Previous,
    ETag ETag)
{
    /// <summary>The row key of the supplier row.</summary>
    public const string RowKey = "supplier";

    /// <summary>The previous secret if its overlap has not ended at <paramref name="now"/>.</summary>
    public StoredWebhookSecret? PreviousValidAt(DateTimeOffset now) => Previous is { ValidUntil: { } until } p && now < until ? p : null;

    /// <summary>The operator's view at <paramref name="now"/> (an expired previous secret is not shown).</summary>
    public SupplierView ToView(DateTimeOffset now) =>
        new(Id, Name, Contact, DefaultLeadTimeDays, CreatedAt, Current?.ToView(), PreviousValidAt(now)?.ToView());

    /// <summary>The table row.</summary>
    public TableEntity ToEntity()
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Name"] = Name,
            ["ContactName"] = Contact.Name,
            ["ContactEmail"] = Contact.Email,
            ["ContactPhone"] = Contact.Phone,
            ["DefaultLeadTimeDays"] = DefaultLeadTimeDays,
            ["CreatedAt"] = CreatedAt,
        };
        Write(properties, "Current", Current);
        Write(properties, "Previous", Previous);
        return new TableEntity(Id, RowKey, properties, ETag);
    }

    /// <summary>Reads a row written by <see cref="ToEntity"/>.</summary>
    public static StoredSupplier FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new StoredSupplier(
            entity.PartitionKey,
            entity.GetString("Name") ?? string.Empty,
            new SupplierContact(entity.GetString("ContactName"), entity.GetString("ContactEmail"), entity.GetString("ContactPhone")),
            entity.GetInt32("DefaultLeadTimeDays"),
            entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            Read(entity, "Current"),
            Read(entity, "Previous"),
            entity.ETag);
    }

    private static void Write(Dictionary<string, object?> properties, string slot, StoredWebhookSecret? secret)
    {
        properties[slot + "SecretId"] = secret?.SecretId;
        properties[slot + "SecretKeyId"] = secret?.Protected.KeyId;
        properties[slot + "SecretCiphertext"] = secret?.Protected.Payload;
        properties[slot + "SecretIssuedAt"] = secret?.IssuedAt;
        properties[slot + "SecretValidUntil"] = secret?.ValidUntil;
    }

    private static StoredWebhookSecret? Read(TableEntity entity, string slot)
    {
        var id = entity.GetString(slot + "SecretId");
        var keyId = entity.GetString(slot + "SecretKeyId");
        var payload = entity.GetBinary(slot + "SecretCiphertext");
        var issuedAt = entity.GetDateTimeOffset(slot + "SecretIssuedAt");
        return id is null || keyId is null || payload is null || issuedAt is null
            ? null
            : new StoredWebhookSecret(id, new ProtectedSecret(keyId, payload), issuedAt.Value, entity.GetDateTimeOffset(slot + "SecretValidUntil"));
    }
}
