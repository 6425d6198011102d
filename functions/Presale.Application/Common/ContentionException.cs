namespace Presale.Application.Common;

/// <summary>
/// A change met a concurrent change on every one of its attempts (<see cref="ConflictBackoff.MaxAttempts"/>) and gave
/// up. Nothing is broken: retrying later is expected to succeed, so the API answers 503 with <c>Retry-After</c>.
/// </summary>
public sealed class ContentionException : Exception
{
    /// <summary>Creates the exception for a change that gave up after <paramref name="attempts"/> attempts.</summary>
    public ContentionException(int attempts)
        : base($"Gave up after {attempts} attempts that all met a concurrent change.") => Attempts = attempts;

    /// <summary>Creates the exception for a change that gave up after the most attempts.</summary>
    public ContentionException()
        : this(ConflictBackoff.MaxAttempts)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ContentionException(string message)
        : base(message) => Attempts = ConflictBackoff.MaxAttempts;

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ContentionException(string message, Exception innerException)
        : base(message, innerException) => Attempts = ConflictBackoff.MaxAttempts;

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
