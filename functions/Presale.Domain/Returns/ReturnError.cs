namespace Presale.Domain.Returns;

/// <summary>A refused transition: what went wrong, in which status, and which units (if any) are concerned.</summary>
/// <param name="Code">The machine-readable reason.</param>
/// <param name="Status">The return's status when the transition was refused (unchanged by it).</param>
/// <param name="Message">The explanation, naming the status and units.</param>
/// <param name="Units">The units concerned; empty when the error is about the whole return.</param>
public sealed record ReturnError(ReturnErrorCode Code, ReturnStatus Status, string Message, IReadOnlyList<ReturnUnitId> Units)
{
    /// <summary>An error about the whole return.</summary>
    public ReturnError(ReturnErrorCode code, ReturnStatus status, string message)
        : this(code, status, message, [])
    {
    }
}
