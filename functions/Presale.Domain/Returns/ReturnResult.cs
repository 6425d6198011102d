namespace Presale.Domain.Returns;

/// <summary>The outcome of a transition: success, or the <see cref="ReturnError"/> that left the return unchanged.</summary>
public sealed record ReturnResult
{
    private ReturnResult(ReturnError? error) => Error = error;

    /// <summary>Success.</summary>
    public static ReturnResult Ok { get; } = new((ReturnError?)null);

    /// <summary>Why the transition was refused; null on success.</summary>
    public ReturnError? Error { get; }

    /// <summary>True when the transition happened.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>A refusal.</summary>
    public static ReturnResult Fail(ReturnError error) => new(error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>A refusal.</summary>
    public static implicit operator ReturnResult(ReturnError error) => Fail(error);
}
