using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Presale.Application.Returns;

/// <summary>
/// Return ids are derived from the intake's <c>Idempotency-Key</c>, so a retry addresses the same row without a lookup,
/// and start with their partition bucket (one of <see cref="BucketCount"/>): a read by id is a point read, and the
/// triage timer and review queue visit a fixed set of index ranges instead of scanning. Shape: <c>r</c> + 2 hex + 24 hex.
/// </summary>
public static class ReturnIds
{
    /// <summary>How many partitions returns are spread over.</summary>
    public const int BucketCount = 8;

    private const int Length = 27;

    /// <summary>Every return partition, in order.</summary>
    public static IReadOnlyList<string> Partitions { get; } = [.. Enumerable.Range(0, BucketCount).Select(Partition)];

    /// <summary>The return id and partition for an intake's idempotency key.</summary>
    public static (string ReturnId, string Partition) ForIdempotencyKey(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("presale-return\n" + idempotencyKey));
        var bucket = hash[0] % BucketCount;
        return ("r" + bucket.ToString("x2", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(hash.AsSpan(1, 12)), Partition(bucket));
    }

    /// <summary>The partition of <paramref name="returnId"/>, or null when it is not a return id.</summary>
    public static string? PartitionOf(string? returnId)
    {
        if (returnId is not { Length: Length } || returnId[0] != 'r' || !returnId.Skip(1).All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            return null;
        }

        var bucket = int.Parse(returnId.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return bucket < BucketCount ? Partition(bucket) : null;
    }

    private static string Partition(int bucket) => "r" + bucket.ToString("x2", CultureInfo.InvariantCulture);
}
