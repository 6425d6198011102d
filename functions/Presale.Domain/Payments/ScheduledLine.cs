using Presale.Domain.Common;

namespace Presale.Domain.Payments;

/// <summary>What the schedule needs to know of an order line.</summary>
/// <param name="LineNumber">The line's number.</param>
/// <param name="Quantity">Units ordered.</param>
/// <param name="Total">The line's total (quantity × unit price).</param>
/// <param name="Plan">The line's payment plan (decided at placement, from its SKU or the shop's default).</param>
/// <param name="ReadyOn">The shop-local day the line is now expected to ship (its estimate, else its promise).</param>
public sealed record ScheduledLine(int LineNumber, int Quantity, Money Total, PaymentPlan Plan, DateOnly ReadyOn);
