using Presale.Application.Security;

namespace Presale.Functions.Features.Suppliers;

/// <summary>
/// How a supplier webhook function reads the body <see cref="SupplierWebhookAuthenticationFilter.VerifyAsync"/> verified:
/// the raw bytes exactly as signed. The function must not read the body itself before the check: the check consumes the stream.
/// </summary>
public static class SupplierWebhookAuthenticationExtensions
{
    /// <summary>The request verified by <see cref="SupplierWebhookAuthenticationFilter.VerifyAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">The route is not protected by <see cref="SupplierWebhookAuthenticationFilter.VerifyAsync"/>.</exception>
    public static VerifiedSupplierWebhook GetVerifiedSupplierWebhook(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<VerifiedSupplierWebhook>()
            ?? throw new InvalidOperationException("No supplier signature was verified on this request (SupplierWebhookAuthenticationFilter.VerifyAsync), so no verified supplier webhook is available.");
    }
}
