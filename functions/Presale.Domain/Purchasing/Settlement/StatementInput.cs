using Presale.Domain.Suppliers;

namespace Presale.Domain.Purchasing.Settlement;

/// <summary>Everything a statement is computed from.</summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Period">The period.</param>
/// <param name="PreviousEnd">The last day the previous statement covered (the day before <paramref name="Period"/> for the first statement).</param>
/// <param name="Terms">The supplier's terms now (currency, payment terms, rebates).</param>
/// <param name="Grade">Its scorecard grade.</param>
/// <param name="TrailingOnTimeRate">Its scorecard's on-time-in-full rate.</param>
/// <param name="Lines">The lines of its purchase orders still in play.</param>
/// <param name="Claims">Return-to-vendor claims decided from <paramref name="ClaimsFrom"/> to the period's end.</param>
/// <param name="ClaimsFrom">The first day claims were read for; credited claims decided earlier are forgotten.</param>
/// <param name="Previous">What earlier statements settled.</param>
public sealed record StatementInput(
    string SupplierId,
    SettlementPeriod Period,
    DateOnly PreviousEnd,
    SupplierTerms Terms,
    SupplierGrade? Grade,
    double? TrailingOnTimeRate,
    IReadOnlyList<SettlementLineFacts> Lines,
    IReadOnlyList<ReturnClaimFact> Claims,
    DateOnly ClaimsFrom,
    SettlementPosition Previous);
