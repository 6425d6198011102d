namespace Presale.Application.Security;

/// <summary>
/// A stored secret could not be decrypted: its key is no longer configured, or the stored bytes were altered or moved
/// to another row. An operational fault (configuration or tampering), never an expected outcome of a request.
/// </summary>
public sealed class SecretUnprotectException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SecretUnprotectException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SecretUnprotectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public SecretUnprotectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
