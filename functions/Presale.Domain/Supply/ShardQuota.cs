namespace Presale.Domain.Supply;

/// <summary>One allocation shard's share of one supply source: units it may sell and units it has reserved.</summary>
/// <param name="Quota">Units of the source this shard may reserve.</param>
/// <param name="Reserved">Units of the source this shard has reserved (never above <paramref name="Quota"/>).</param>
public readonly record struct ShardQuota(int Quota, int Reserved)
{
    /// <summary>Units still reservable here.</summary>
    public int Free => Quota - Reserved;
}
