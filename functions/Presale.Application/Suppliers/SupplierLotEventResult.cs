namespace Presale.Application.Suppliers;

/// <summary>What a supplier's ETA update or receipt came to.</summary>
public abstract record SupplierLotEventResult
{
    private SupplierLotEventResult()
    {
    }

    /// <summary>Applied, or a duplicate or stale event acknowledged without change.</summary>
    public sealed record Acknowledged(SupplierWebhookAcknowledgement Acknowledgement, IReadOnlyList<string> AffectedSkus) : SupplierLotEventResult;

    /// <summary>The body is invalid; errors are keyed by field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : SupplierLotEventResult;

    /// <summary>The supplier has no such lot.</summary>
    public sealed record UnknownLot : SupplierLotEventResult;

    /// <summary>The shop is not configured (no calendar to date the event in).</summary>
    public sealed record ShopNotConfigured : SupplierLotEventResult;
}
