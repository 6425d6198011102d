namespace Presale.Application.Supply;

/// <summary>The outcome of writing a reservation.</summary>
public enum ReserveWrite
{
    /// <summary>The reservation and its shards were written.</summary>
    Reserved,

    /// <summary>The order line already holds a reservation (an earlier attempt made it): nothing was written.</summary>
    AlreadyReserved,

    /// <summary>A shard changed since it was read: read again and retry.</summary>
    Conflict,
}
