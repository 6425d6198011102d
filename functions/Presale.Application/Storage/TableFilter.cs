using System.Globalization;

namespace Presale.Application.Storage;

/// <summary>Comparison operators a filter supports (the OData set Table Storage understands).</summary>
public enum FilterOperator
{
    /// <summary>Equal.</summary>
    Eq,

    /// <summary>Not equal.</summary>
    Ne,

    /// <summary>Greater than.</summary>
    Gt,

    /// <summary>Greater than or equal.</summary>
    Ge,

    /// <summary>Less than.</summary>
    Lt,

    /// <summary>Less than or equal.</summary>
    Le,
}

/// <summary>
/// A query filter as a small expression tree, so the Table adapter can render it as OData and the in-memory twin can
/// evaluate it with the same meaning. Compare against <c>PartitionKey</c>, <c>RowKey</c> or any property; values are of
/// the supported property types. A <see cref="decimal"/> is stored as its invariant text (see <see cref="TableEntity"/>),
/// so it can be compared for equality (<see cref="Eq"/>, <see cref="Ne"/>: the same text, so <c>1.10</c> is not
/// <c>1.1</c>) but not ordered: <see cref="Gt"/>, <see cref="Ge"/>, <see cref="Lt"/> and <see cref="Le"/> refuse it,
/// because text order puts "9" above "10".
/// </summary>
public abstract record TableFilter
{
    /// <summary>property op value.</summary>
    public sealed record Comparison(string Property, FilterOperator Operator, object Value) : TableFilter;

    /// <summary>Both filters hold.</summary>
    public sealed record And(TableFilter Left, TableFilter Right) : TableFilter;

    /// <summary>Either filter holds.</summary>
    public sealed record Or(TableFilter Left, TableFilter Right) : TableFilter;

    /// <summary>The filter does not hold.</summary>
    public sealed record Not(TableFilter Inner) : TableFilter;

    /// <summary>property eq value.</summary>
    public static TableFilter Eq(string property, object value) => new Comparison(property, FilterOperator.Eq, Normalise(value));

    /// <summary>property ne value.</summary>
    public static TableFilter Ne(string property, object value) => new Comparison(property, FilterOperator.Ne, Normalise(value));

    /// <summary>property gt value.</summary>
    public static TableFilter Gt(string property, object value) => new Comparison(property, FilterOperator.Gt, Ordered(property, value));

    /// <summary>property ge value.</summary>
    public static TableFilter Ge(string property, object value) => new Comparison(property, FilterOperator.Ge, Ordered(property, value));

    /// <summary>property lt value.</summary>
    public static TableFilter Lt(string property, object value) => new Comparison(property, FilterOperator.Lt, Ordered(property, value));

    /// <summary>property le value.</summary>
    public static TableFilter Le(string property, object value) => new Comparison(property, FilterOperator.Le, Ordered(property, value));

    /// <summary>Rows of one partition.</summary>
    public static TableFilter Partition(string partitionKey) => Eq("PartitionKey", partitionKey);

    /// <summary>Rows of one partition whose row key is in [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>).</summary>
    public static TableFilter RowRange(string partitionKey, string fromInclusive, string toExclusive) =>
        Partition(partitionKey) & Ge("RowKey", fromInclusive) & Lt("RowKey", toExclusive);

    /// <summary>Rows of one partition whose row key starts with <paramref name="prefix"/>.</summary>
    public static TableFilter RowPrefix(string partitionKey, string prefix) =>
        prefix.Length == 0 ? Partition(partitionKey) : RowRange(partitionKey, prefix, PrefixUpperBound(prefix));

    /// <summary>Both hold.</summary>
    public static TableFilter operator &(TableFilter left, TableFilter right) => new And(left, right);

    /// <summary>Either holds.</summary>
    public static TableFilter operator |(TableFilter left, TableFilter right) => new Or(left, right);

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>.</summary>
    public static string PrefixUpperBound(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var last = prefix[^1];
        return last == char.MaxValue ? prefix + char.MaxValue : prefix[..^1] + (char)(last + 1);
    }

    private static object Ordered(string property, object value) => value is decimal
        ? throw new ArgumentException(
            $"Filter on '{property}': a decimal is stored as text, so a range comparison would order it as text (\"9\" > \"10\"). " +
            "Compare decimals with Eq/Ne only, or store an ordered amount as an Int64 of minor units.",
            nameof(value))
        : Normalise(value);

    private static object Normalise(object value) => value switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime()),
        _ => value,
    };
}
