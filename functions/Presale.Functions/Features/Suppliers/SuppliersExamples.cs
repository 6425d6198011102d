using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Suppliers;
using Presale.Functions.Features.Orders;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Presale.Functions.Features.Suppliers;

/// <summary>
/// The OpenAPI examples of the supplier registry and its webhook secrets and scorecard, by operation id (the function's name): a request body example
/// where the operation takes one and a body for every status it declares. <c>OpenApiDocumentTests</c> fails for an
/// operation that misses one.
/// </summary>
internal static class SuppliersExamples
{
    private static readonly int SuppliersBodyLimit = new SuppliersOptions().MaxRequestBodyBytes;

    /// <summary>The examples by operation id.</summary>
    public static IReadOnlyDictionary<string, ApiExamples> ByOperationId { get; } = new Dictionary<string, ApiExamples>(StringComparer.Ordinal)
    {
        ["CreateSupplier"] = ApiExamples.For(
            SupplierSamples.CreateRequest,
            (Status201Created, SupplierSamples.Supplier with { CurrentWebhookSecret = null, PreviousWebhookSecret = null, CreatedAt = OrderSamples.Now }),
            (Status400BadRequest, ExampleProblems.Invalid(("contact", "contact needs an email or a phone number."))),
            (Status409Conflict, SuppliersFunctions.SupplierExists("acme")),
            (Status413PayloadTooLarge, Problems.TooLarge(SuppliersBodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody)),
        ["GetSupplier"] = ApiExamples.For(
            null,
            (Status200OK, SupplierSamples.Supplier),
            (Status404NotFound, UnknownSupplier)),
        ["IssueSupplierWebhookSecret"] = ApiExamples.For(
            null,
            (Status201Created, SupplierSamples.IssuedSecret),
            (Status404NotFound, UnknownSupplier)),
        ["EndSupplierWebhookSecretRotation"] = ApiExamples.For(
            null,
            (Status404NotFound, ApiExampleSet.Of(
                ("No rotation running", SuppliersFunctions.NoRotation("acme")),
                ("Unknown supplier", UnknownSupplier)))),
        ["GetSupplierScorecard"] = ApiExamples.For(
            null,
            (Status200OK, SupplierSamples.Scorecard),
            (Status404NotFound, UnknownSupplier)),
    };

    /// <summary>The answer for a supplier id nobody registered.</summary>
    internal static ProblemHttpResult UnknownSupplier => SuppliersFunctions.SupplierNotFound("acme");
}
