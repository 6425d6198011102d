using Presale.Application.Suppliers;

namespace Presale.Application.Purchasing;

/// <summary>What a supplier's acknowledgement came to.</summary>
public abstract record AcknowledgementResult
{
    private AcknowledgementResult()
    {
    }

    /// <summary>Applied, or a duplicate or stale event acknowledged without change (HTTP 200 either way).</summary>
    public sealed record Acknowledged(SupplierWebhookAcknowledgement Acknowledgement, PurchaseOrderView Order) : AcknowledgementResult;

    /// <summary>The body is invalid or does not fit the order; errors are keyed by field and nothing changed.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : AcknowledgementResult;

    /// <summary>The supplier has no such purchase order.</summary>
    public sealed record UnknownPurchaseOrder : AcknowledgementResult;

    /// <summary>The shop is not configured (no calendar to date ETAs in).</summary>
    public sealed record ShopNotConfigured : AcknowledgementResult;
}
