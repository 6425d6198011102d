namespace Presale.Application.Returns;

/// <summary>The return's refund.</summary>
/// <param name="Key">The refund's key (the return id: one refund per return).</param>
/// <param name="Currency">The currency.</param>
/// <param name="Goods">Goods after restocking fees.</param>
/// <param name="OriginalShipping">Original shipping refunded.</param>
/// <param name="ReturnLabelDeduction">Return label deducted.</param>
/// <param name="Total">What is refunded.</param>
/// <param name="Lines">Per line: units, gross, fees, net.</param>
public sealed record RefundView(string Key, string Currency, decimal Goods, decimal OriginalShipping, decimal ReturnLabelDeduction, decimal Total, IReadOnlyList<RefundLineView> Lines);
