using Microsoft.Extensions.Options;
using Presale.Application.Security;
using Presale.Application.Suppliers;

namespace Presale.Functions.Apis;

/// <summary>
/// How a supplier webhook route is protected and how its handler reads the verified body:
/// <code>
/// group.MapPost("/{supplierId}/eta-updates", PostEtaUpdate).RequireSupplierSignature();
/// static async Task&lt;IResult&gt; PostEtaUpdate(string supplierId, HttpContext http, ...)
/// {
///     var webhook = http.GetVerifiedSupplierWebhook();   // raw body bytes exactly as signed
///     ...
/// }
/// </code>
/// The handler must not bind the body itself (no [FromBody] parameter): the filter consumes the stream.
/// The route's function.json is <c>authLevel: anonymous</c> — the signature is the authentication.
/// </summary>
public static class SupplierWebhookAuthenticationExtensions
{
    /// <summary>Requires a valid <c>Presale-Signature</c> of the supplier named by the route's <c>{supplierId}</c> before the handler runs.</summary>
    public static TBuilder RequireSupplierSignature<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // One filter per request from the request's services, as AddEndpointFilter<TBuilder, TFilter> does, but built
        // directly: that overload compiles a factory from an expression tree while the routes are mapped, which made it
        // the only expression compilation of a cold start.
        builder.AddEndpointFilterFactory((_, next) => invocation =>
        {
            var services = invocation.HttpContext.RequestServices;
            var filter = new SupplierWebhookAuthenticationFilter(
                services.GetRequiredService<SupplierWebhookAuthenticator>(),
                services.GetRequiredService<IOptions<SuppliersOptions>>(),
                services.GetRequiredService<ILogger<SupplierWebhookAuthenticationFilter>>());
            return filter.InvokeAsync(invocation, next);
        });
        return builder.WithMetadata(new SupplierSignatureMetadata());
    }

    /// <summary>The request verified by <see cref="RequireSupplierSignature{TBuilder}"/>.</summary>
    /// <exception cref="InvalidOperationException">The route is not protected by <see cref="RequireSupplierSignature{TBuilder}"/>.</exception>
    public static VerifiedSupplierWebhook GetVerifiedSupplierWebhook(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<VerifiedSupplierWebhook>()
            ?? throw new InvalidOperationException("This route does not call RequireSupplierSignature(), so no verified supplier webhook is available.");
    }
}
