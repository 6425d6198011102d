namespace Presale.Application.Storage;

/// <summary>
/// An entity version as the store reports it. <see cref="Any"/> matches every existing version;
/// <c>default</c> means "no version known" (a new entity).
/// </summary>
public readonly record struct ETag(string Value)
{
    /// <summary>Matches any existing version (<c>If-Match: *</c>).</summary>
    public static ETag Any { get; } = new("*");

    /// <summary>True when no version is known.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
