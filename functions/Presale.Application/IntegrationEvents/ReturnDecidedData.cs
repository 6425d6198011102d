using Presale.Domain.Notifications;

namespace Presale.Application.IntegrationEvents;

/// <summary>The data of <c>return.decided</c> (schema <c>docs/events/return.decided.v1.schema.json</c>).</summary>
/// <param name="ReturnId">The return.</param>
/// <param name="OrderId">The order it returns from.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Decision"><c>refund</c>, <c>replacement</c>, <c>storeCredit</c> or <c>rejected</c>.</param>
/// <param name="Amount">The refund or credit; absent for a replacement or a rejection.</param>
public sealed record ReturnDecidedData(string ReturnId, string OrderId, string CustomerId, ReturnDecision Decision, EventMoney? Amount);
