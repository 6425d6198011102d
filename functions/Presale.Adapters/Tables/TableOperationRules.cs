using Presale.Application.Storage;

namespace Presale.Adapters.Tables;

/// <summary>The checks every write makes before a request leaves the process (the twin makes the same ones).</summary>
internal static class TableOperationRules
{
    public static void ValidateKeys(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKey.EnsureValid(entity.PartitionKey, "PartitionKey");
        TableKey.EnsureValid(entity.RowKey, "RowKey");
    }

    public static void ValidateCondition(TableOperation operation)
    {
        if (operation.Kind is TableOperationKind.Replace or TableOperationKind.Merge or TableOperationKind.Delete && operation.IfMatch.IsEmpty)
        {
            throw new ArgumentException($"{operation.Kind} needs an ETag condition (ETag.Any for any version).", nameof(operation));
        }
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
            ValidateKeys(operation.Entity);
            ValidateCondition(operation);
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
}
