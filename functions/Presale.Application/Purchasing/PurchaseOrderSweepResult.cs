namespace Presale.Application.Purchasing;

/// <summary>What one run of the purchase-order sweep did.</summary>
/// <param name="Alerted">Unacknowledged-order alerts raised now.</param>
/// <param name="Resolved">Acknowledgement-due rows dropped because their order was answered or is gone.</param>
/// <param name="FollowedUp">Acknowledgement follow-ups finished (lots registered or updated).</param>
/// <param name="EventsPublished">Integration events their requests left behind, published now (purchasing and alerts).</param>
/// <param name="Failed">Items that failed and stay for the next run.</param>
public sealed record PurchaseOrderSweepResult(int Alerted, int Resolved, int FollowedUp, int EventsPublished, int Failed);
