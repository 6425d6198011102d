using Presale.Domain.Returns;

namespace Presale.Application.Returns;

/// <summary>The outcome of a command on a return (in transit, receipt, decision, cancel).</summary>
public abstract record ReturnCommandResult
{
    private ReturnCommandResult()
    {
    }

    /// <summary>Applied; the return as it is now.</summary>
    public sealed record Done(ReturnView Return) : ReturnCommandResult;

    /// <summary>A field is wrong (each error names it).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : ReturnCommandResult;

    /// <summary>The return refused the transition in its current state; nothing changed.</summary>
    public sealed record Refused(ReturnError Error) : ReturnCommandResult;

    /// <summary>The customer named is not the return's customer; nothing changed.</summary>
    public sealed record NotOwner : ReturnCommandResult;

    /// <summary>No such return.</summary>
    public sealed record NotFound : ReturnCommandResult;
}
