namespace Presale.Application.Storage;

/// <summary>How a write ended. The expected conflicts are values, not exceptions.</summary>
public enum WriteStatus
{
    /// <summary>The write was applied.</summary>
    Ok,

    /// <summary>The entity does not exist (replace, merge or delete of a missing row).</summary>
    NotFound,

    /// <summary>An entity with these keys already exists (insert).</summary>
    AlreadyExists,

    /// <summary>The entity's version is not the one the write was conditioned on (HTTP 412).</summary>
    PreconditionFailed,
}
