namespace Presale.Domain.Purchasing;

/// <summary>The outcome of a transition: success, or every refusal (the order unchanged).</summary>
public sealed record PurchaseOrderResult
{
    private PurchaseOrderResult(IReadOnlyList<PurchaseOrderError> errors) => Errors = errors;

    /// <summary>Success.</summary>
    public static PurchaseOrderResult Ok { get; } = new([]);

    /// <summary>Why the transition was refused; empty on success.</summary>
    public IReadOnlyList<PurchaseOrderError> Errors { get; }

    /// <summary>True when the transition happened.</summary>
    public bool IsSuccess => Errors.Count == 0;

    /// <summary>A refusal with every reason.</summary>
    public static PurchaseOrderResult Fail(IReadOnlyList<PurchaseOrderError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count > 0 ? new PurchaseOrderResult([.. errors]) : throw new ArgumentException("A refusal has a reason.", nameof(errors));
    }
}
