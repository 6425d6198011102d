namespace Presale.Application.Purchasing;

/// <summary>The outcome of creating a purchase order.</summary>
public abstract record CreatePurchaseOrderResult
{
    private CreatePurchaseOrderResult()
    {
    }

    /// <summary>Created now (<paramref name="Created"/>), or the same order posted again.</summary>
    public sealed record Placed(PurchaseOrderView Order, bool Created) : CreatePurchaseOrderResult;

    /// <summary>A field is wrong; errors are keyed by field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : CreatePurchaseOrderResult;

    /// <summary>The supplier has no terms yet (they decide currency, window and chargebacks).</summary>
    public sealed record NoTerms(string SupplierId) : CreatePurchaseOrderResult;

    /// <summary>The supplier already has a different purchase order under this id.</summary>
    public sealed record Conflict(string PurchaseOrderId) : CreatePurchaseOrderResult;

    /// <summary>The shop has no settings yet.</summary>
    public sealed record ShopNotConfigured : CreatePurchaseOrderResult;
}
