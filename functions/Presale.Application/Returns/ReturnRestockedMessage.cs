namespace Presale.Application.Returns;

/// <summary>
/// The reconcile message published after a returned unit was restocked (subject <c>return.restocked</c>): the SKUs whose
/// on-hand supply grew. Like the order messages on the same queue it names what changed; the consumer re-reads the
/// SKU's supply and re-plans its open orders, so a waiting pre-sale order can become ready to ship.
/// </summary>
/// <param name="Type">Always <see cref="Restocked"/>.</param>
/// <param name="ReturnId">The return the unit came from.</param>
/// <param name="OrderId">The order it was returned from.</param>
/// <param name="UnitId">The unit (<c>SKU:ordinal</c>).</param>
/// <param name="Skus">The SKUs to reconcile (one).</param>
/// <param name="OccurredAt">When the unit was decided.</param>
public sealed record ReturnRestockedMessage(string Type, string ReturnId, string OrderId, string UnitId, IReadOnlyList<string> Skus, DateTimeOffset OccurredAt)
{
    /// <summary>The message type and subject.</summary>
    public const string Restocked = "return.restocked";
}
