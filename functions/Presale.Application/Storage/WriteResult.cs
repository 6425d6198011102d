namespace Presale.Application.Storage;

/// <summary>The outcome of one write: its status and, when applied, the new version.</summary>
public readonly record struct WriteResult(WriteStatus Status, ETag ETag)
{
    /// <summary>True when the write was applied.</summary>
    public bool Succeeded => Status == WriteStatus.Ok;

    /// <summary>An applied write with its new version.</summary>
    public static WriteResult Ok(ETag etag) => new(WriteStatus.Ok, etag);

    /// <summary>A write refused for the given reason.</summary>
    public static WriteResult Failed(WriteStatus status) => new(status, default);
}
