namespace Presale.Domain.Purchasing.Settlement;

/// <summary>A computed statement and the position it leaves for the next one.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Position">What is settled once it is closed.</param>
public sealed record StatementComputation(SupplierStatement Statement, SettlementPosition Position);
