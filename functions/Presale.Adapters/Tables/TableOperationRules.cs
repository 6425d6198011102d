using System.Globalization;
using Presale.Application.Storage;

namespace Presale.Adapters.Tables;

/// <summary>
/// The rules Table Storage sets for names, keys, properties and entity-group transactions, checked before a request
/// leaves the process. The Table adapter and the in-memory twin both call these, so the twin refuses what Azure would.
/// </summary>
internal static class TableOperationRules
{
    /// <summary>Custom properties an entity may have (255 minus PartitionKey, RowKey and Timestamp).</summary>
    public const int MaxProperties = 252;

    /// <summary>The longest property name.</summary>
    public const int MaxPropertyNameLength = 255;

    /// <summary>The longest string value: 64 KiB of UTF-16.</summary>
    public const int MaxStringLength = 32 * 1024;

    /// <summary>The largest binary value: 64 KiB.</summary>
    public const int MaxBinaryLength = 64 * 1024;

    /// <summary>The largest entity, as Table Storage sizes it (<see cref="EntitySize"/>): 1 MiB.</summary>
    public const int MaxEntitySize = 1024 * 1024;

    /// <summary>The earliest DateTime Table Storage keeps: 1601-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void ValidateKeys(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKey.EnsureValid(entity.PartitionKey, "PartitionKey");
        TableKey.EnsureValid(entity.RowKey, "RowKey");
    }

    /// <summary>Keys, property names, values and size of an entity to write.</summary>
    public static void ValidateEntity(TableEntity entity)
    {
        ValidateKeys(entity);
        var properties = entity.Properties;
        if (properties.Count > MaxProperties)
        {
            throw Invalid(entity, $"it has {properties.Count} properties; Table Storage keeps at most {MaxProperties} besides PartitionKey, RowKey and Timestamp");
        }

        foreach (var (name, value) in properties)
        {
            ValidatePropertyName(entity, name);
            var problem = value switch
            {
                string s when s.Length > MaxStringLength => $"string property '{name}' has {s.Length} characters; at most {MaxStringLength} (64 KiB of UTF-16)",
                byte[] b when b.Length > MaxBinaryLength => $"binary property '{name}' has {b.Length} bytes; at most {MaxBinaryLength} (64 KiB)",
                double d when double.IsInfinity(d) => $"double property '{name}' is {(d > 0 ? "+" : "-")}infinity, which Azure.Data.Tables cannot write (its JSON writer refuses infinities; NaN it writes)",
                DateTimeOffset t when t < MinDateTime => string.Create(CultureInfo.InvariantCulture, $"date property '{name}' is {t.UtcDateTime:O}; Table Storage keeps dates from 1601-01-01T00:00:00Z"),
                _ => null,
            };
            if (problem is not null)
            {
                throw Invalid(entity, problem);
            }
        }

        var size = EntitySize(entity);
        if (size > MaxEntitySize)
        {
            throw Invalid(entity, $"it is {size} bytes as Table Storage sizes it; at most {MaxEntitySize} (1 MiB)");
        }
    }

    /// <summary>
    /// The entity's size by Microsoft's formula: 4 bytes, plus 2 per key character, plus for each property 8 bytes,
    /// 2 per name character and its value (string: 2 per character + 4; binary: length + 4; DateTime, Double and
    /// Int64: 8; Guid: 16; Int32: 4; Boolean: 1).
    /// </summary>
    public static long EntitySize(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + ((long)entity.PartitionKey.Length + entity.RowKey.Length) * 2;
        foreach (var (name, value) in entity.Properties)
        {
            size += 8 + (name.Length * 2L) + value switch
            {
                string s => (s.Length * 2L) + 4,
                byte[] b => b.Length + 4L,
                DateTimeOffset or double or long => 8,
                Guid => 16,
                int => 4,
                bool => 1,
                _ => throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}, which Table Storage cannot store.", nameof(entity)),
            };
        }

        return size;
    }

    public static void ValidateCondition(TableOperation operation)
    {
        if (operation.Kind is TableOperationKind.Replace or TableOperationKind.Merge or TableOperationKind.Delete && operation.IfMatch.IsEmpty)
        {
            throw new ArgumentException($"{operation.Kind} needs an ETag condition (ETag.Any for any version).", nameof(operation));
        }
    }

    /// <summary>Every check of one write: entity (keys only for a delete) and ETag condition.</summary>
    public static void ValidateOperation(TableOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.Kind == TableOperationKind.Delete)
        {
            ValidateKeys(operation.Entity);
        }
        else
        {
            ValidateEntity(operation.Entity);
        }

        ValidateCondition(operation);
    }

    public static void ValidateTransaction(IReadOnlyList<TableOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count is 0 or > 100)
        {
            throw new ArgumentException($"A transaction holds 1 to 100 operations, not {operations.Count}.", nameof(operations));
        }

        var partition = operations[0].Entity.PartitionKey;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            ValidateOperation(operation);
            if (!string.Equals(operation.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException("Every operation of a transaction must be in one partition.", nameof(operations));
            }

            if (!seen.Add(operation.Entity.RowKey))
            {
                throw new ArgumentException($"Row '{operation.Entity.RowKey}' appears twice in one transaction.", nameof(operations));
            }
        }
    }

    public static void ValidateTableName(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Length is < 3 or > 63 || !char.IsAsciiLetter(table[0]) || !table.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Table name '{table}' is not valid: 3 to 63 letters and digits, starting with a letter.", nameof(table));
        }
    }

    /// <summary>
    /// Property names follow C# identifier rules (letters, digits and '_', not starting with a digit) and have at most
    /// 255 characters. That also keeps out '@' and the <c>odata.</c> prefix, which the JSON format reserves for
    /// annotations: a property named so would be dropped on read.
    /// </summary>
    private static void ValidatePropertyName(TableEntity entity, string name)
    {
        if (name.Length > MaxPropertyNameLength)
        {
            throw Invalid(entity, $"property name '{name[..20]}…' has {name.Length} characters; at most {MaxPropertyNameLength}");
        }

        if (!(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            throw Invalid(entity, $"property name '{name}' is not valid: letters, digits and '_', not starting with a digit (so no '@', '.' or '-')");
        }
    }

    private static ArgumentException Invalid(TableEntity entity, string problem) =>
        new($"Entity ('{entity.PartitionKey}', '{entity.RowKey}') cannot be stored in Table Storage: {problem}.", nameof(entity));
}
