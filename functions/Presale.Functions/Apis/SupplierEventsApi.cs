using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Suppliers;
using Presale.Functions.Apis.Http;

namespace Presale.Functions.Apis;

/// <summary>
/// What suppliers send and read about their lots: signed ETA updates and goods receipts (<c>authLevel: anonymous</c>;
/// the HMAC signature is the authentication), and the demand view of their lots.
/// </summary>
public static class SupplierEventsApi
{
    internal static async Task<Results<Ok<SupplierWebhookAcknowledgement>, ValidationProblem, ProblemHttpResult>> EtaUpdateAsync(string supplierId, HttpContext context, SupplierLotEventHandler handler, CancellationToken cancellationToken)
    {
        var body = JsonBody.Parse<EtaUpdateRequest>(context.GetVerifiedSupplierWebhook().Body.Span);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        return Answer(await handler.ApplyEtaUpdateAsync(supplierId, body.Value!, cancellationToken), supplierId, body.Value!.LotId);
    }

    internal static async Task<Results<Ok<SupplierWebhookAcknowledgement>, ValidationProblem, ProblemHttpResult>> ReceiptAsync(string supplierId, HttpContext context, SupplierLotEventHandler handler, CancellationToken cancellationToken)
    {
        var body = JsonBody.Parse<ReceiptRequest>(context.GetVerifiedSupplierWebhook().Body.Span);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        return Answer(await handler.ApplyReceiptAsync(supplierId, body.Value!, cancellationToken), supplierId, body.Value!.LotId);
    }

    internal static async Task<Ok<IReadOnlyList<SupplierLotDemandView>>> ListLotsAsync(string supplierId, SupplierLotsQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.ListAsync(supplierId, cancellationToken));

    private static Results<Ok<SupplierWebhookAcknowledgement>, ValidationProblem, ProblemHttpResult> Answer(SupplierLotEventResult result, string supplierId, string? lotId) => result switch
    {
        SupplierLotEventResult.Acknowledged acknowledged => TypedResults.Ok(acknowledged.Acknowledgement),
        SupplierLotEventResult.Invalid invalid => Problems.Validation(invalid.Errors),
        SupplierLotEventResult.UnknownLot => Problems.NotFound($"Lot {lotId} of supplier {supplierId}", "lotId"),
        _ => Problems.ShopNotConfigured(),
    };
}
