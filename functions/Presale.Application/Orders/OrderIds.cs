using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Presale.Application.Orders;

/// <summary>
/// Order ids are derived from the placement's idempotency key, so a retry addresses the same row without a lookup;
/// the id starts with its partition bucket (one of <see cref="BucketCount"/>), so a read by id is a point read and the
/// sweepers visit a fixed set of partitions instead of scanning the table. Shape: <c>o</c> + 2 hex (bucket) + 24 hex.
/// </summary>
public static class OrderIds
{
    /// <summary>How many partitions orders are spread over.</summary>
    public const int BucketCount = 32;

    private const int Length = 27;

    /// <summary>Every order partition.</summary>
    public static IReadOnlyList<string> Partitions { get; } = [.. Enumerable.Range(0, BucketCount).Select(Partition)];

    /// <summary>The order id and partition for an idempotency key.</summary>
    public static (string OrderId, string Partition) ForIdempotencyKey(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("presale-order\n" + idempotencyKey));
        var bucket = hash[0] % BucketCount;
        var id = "o" + bucket.ToString("x2", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(hash.AsSpan(1, 12));
        return (id, Partition(bucket));
    }

    /// <summary>The partition of <paramref name="orderId"/>, or null when it is not an order id.</summary>
    public static string? PartitionOf(string? orderId)
    {
        if (orderId is not { Length: Length } || orderId[0] != 'o' || !orderId.AsSpan(1).ContainsOnlyHexLower())
        {
            return null;
        }

        var bucket = int.Parse(orderId.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return bucket < BucketCount ? Partition(bucket) : null;
    }

    private static string Partition(int bucket) => "b" + bucket.ToString("x2", CultureInfo.InvariantCulture);

    private static bool ContainsOnlyHexLower(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
