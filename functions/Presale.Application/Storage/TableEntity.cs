using System.Collections.ObjectModel;
using System.Globalization;

namespace Presale.Application.Storage;

/// <summary>
/// One stored row: its keys, its version and its properties.
/// Supported property types are <see cref="string"/>, <see cref="int"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="bool"/>, <see cref="DateTimeOffset"/>, <see cref="Guid"/> and <c>byte[]</c>. A <see cref="decimal"/> has no
/// Table Storage type, so it is kept as its invariant string (lossless) and read back with <see cref="GetDecimal"/>;
/// a <see cref="DateTime"/> is kept as a UTC <see cref="DateTimeOffset"/>. A null value means "no such property".
/// </summary>
public sealed class TableEntity
{
    private readonly Dictionary<string, object> _properties;

    /// <summary>Creates an entity; property values are normalised to the supported types.</summary>
    public TableEntity(string partitionKey, string rowKey, IEnumerable<KeyValuePair<string, object?>>? properties = null, ETag etag = default)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        PartitionKey = partitionKey;
        RowKey = rowKey;
        ETag = etag;
        _properties = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in properties ?? [])
        {
            Set(_properties, name, value);
        }
    }

    /// <summary>The partition key: every transaction and range query stays inside one partition.</summary>
    public string PartitionKey { get; }

    /// <summary>The row key, unique inside its partition and the sort order of range queries.</summary>
    public string RowKey { get; }

    /// <summary>The version read from the store; <c>default</c> for an entity not read from it.</summary>
    public ETag ETag { get; init; }

    /// <summary>The store's last-modified time, when the entity was read from a store.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The properties other than the keys, ETag and timestamp.</summary>
    public IReadOnlyDictionary<string, object> Properties => new ReadOnlyDictionary<string, object>(_properties);

    /// <summary>A copy with one property set (or removed when <paramref name="value"/> is null).</summary>
    public TableEntity With(string name, object? value)
    {
        var copy = new TableEntity(PartitionKey, RowKey, null, ETag) { Timestamp = Timestamp };
        foreach (var (key, existing) in _properties)
        {
            copy._properties[key] = existing;
        }

        Set(copy._properties, name, value);
        return copy;
    }

    /// <summary>A copy carrying another version.</summary>
    public TableEntity WithETag(ETag etag) =>
        new(PartitionKey, RowKey, _properties.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)), etag) { Timestamp = Timestamp };

    /// <summary>The raw property value, or null.</summary>
    public object? this[string name] => _properties.GetValueOrDefault(name);

    /// <summary>Reads a string property, or null.</summary>
    public string? GetString(string name) => _properties.GetValueOrDefault(name) as string;

    /// <summary>Reads an Int32 property, or null.</summary>
    public int? GetInt32(string name) => _properties.GetValueOrDefault(name) switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        _ => null,
    };

    /// <summary>Reads an Int64 property (an Int32 widens), or null.</summary>
    public long? GetInt64(string name) => _properties.GetValueOrDefault(name) switch
    {
        long l => l,
        int i => i,
        _ => null,
    };

    /// <summary>Reads a Double property, or null.</summary>
    public double? GetDouble(string name) => _properties.GetValueOrDefault(name) switch
    {
        double d => d,
        int i => i,
        long l => l,
        _ => null,
    };

    /// <summary>Reads a Boolean property, or null.</summary>
    public bool? GetBoolean(string name) => _properties.GetValueOrDefault(name) as bool?;

    /// <summary>Reads a DateTime property, or null.</summary>
    public DateTimeOffset? GetDateTimeOffset(string name) => _properties.GetValueOrDefault(name) as DateTimeOffset?;

    /// <summary>Reads a Guid property, or null.</summary>
    public Guid? GetGuid(string name) => _properties.GetValueOrDefault(name) as Guid?;

    /// <summary>Reads a Binary property, or null.</summary>
    public byte[]? GetBinary(string name) => _properties.GetValueOrDefault(name) as byte[];

    /// <summary>Reads a decimal stored by this type (as its invariant string), or null.</summary>
    public decimal? GetDecimal(string name) =>
        _properties.GetValueOrDefault(name) is string s && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static void Set(Dictionary<string, object> properties, string name, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
        {
            throw new ArgumentException($"'{name}' is a system property and cannot be set as a property.", nameof(name));
        }

        if (value is null)
        {
            properties.Remove(name);
            return;
        }

        properties[name] = value switch
        {
            string or int or long or double or bool or Guid or byte[] or DateTimeOffset => value,
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime()),
            _ => throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}, which Table Storage cannot store.", nameof(value)),
        };
    }
}
