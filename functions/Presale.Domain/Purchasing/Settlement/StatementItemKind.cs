namespace Presale.Domain.Purchasing.Settlement;

/// <summary>What an item of a statement is.</summary>
public enum StatementItemKind
{
    /// <summary>Goods paid (positive; negative for a correction).</summary>
    Goods = 0,

    /// <summary>A chargeback (negative; positive when a correction gives one back).</summary>
    Chargeback = 1,

    /// <summary>A return-to-vendor credit (negative).</summary>
    ReturnCredit = 2,

    /// <summary>A rebate: positive when the shop rewards the supplier, negative when the supplier grants it.</summary>
    Rebate = 3,
}
