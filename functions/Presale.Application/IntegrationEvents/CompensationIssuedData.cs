using Presale.Domain.Compensation;

namespace Presale.Application.IntegrationEvents;

/// <summary>The data of <c>compensation.issued</c> (schema <c>docs/events/compensation.issued.v1.schema.json</c>).</summary>
/// <param name="OrderId">The late order.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Tier">The compensation tier paid (1 = the first).</param>
/// <param name="CompensationKind"><c>coupon</c> or <c>storeCredit</c>.</param>
/// <param name="Amount">The value issued.</param>
public sealed record CompensationIssuedData(string OrderId, string CustomerId, int Tier, CompensationKind CompensationKind, EventMoney Amount);
