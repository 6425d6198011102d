namespace Presale.Domain.Returns.Refunds;

/// <summary>The shop's refund rules as data (defaults in <see cref="Default"/>).</summary>
public sealed record RefundPolicy
{
    /// <summary>
    /// Restocking fee rules, first match in list order wins; no match means no fee. Default: shop-at-fault reasons 0 %,
    /// grade A 0 %, grade B (opened) 15 %, grade C (defective) 0 %, grade D (damaged after a change of mind) 50 %.
    /// Kept units match only rules without a grade list, so they carry no fee by default.
    /// </summary>
    public IReadOnlyList<RestockingFeeRule> RestockingFees { get; init; } = DefaultFees;

    /// <summary>Refund the order's original shipping (what is still unrefunded) when the shop is at fault for any line. Default true.</summary>
    public bool RefundOriginalShippingWhenShopAtFault { get; init; } = true;

    /// <summary>
    /// Deduct the return label's cost when no line is the shop's fault and at least one unit travelled back. Default true.
    /// </summary>
    public bool DeductReturnLabelWhenCustomerAtFault { get; init; } = true;

    // Declared before Default: static initialisers run in text order and Default's fee list reads this one.
    private static IReadOnlyList<RestockingFeeRule> DefaultFees { get; } =
    [
        new("shop-at-fault", Enum.GetValues<ReturnReason>().Where(r => r.IsShopAtFault()).ToHashSet(), null, 0m),
        new("sealed", null, new HashSet<ConditionGrade> { ConditionGrade.A }, 0m),
        new("opened", null, new HashSet<ConditionGrade> { ConditionGrade.B }, 15m),
        new("defective", null, new HashSet<ConditionGrade> { ConditionGrade.C }, 0m),
        new("damaged", null, new HashSet<ConditionGrade> { ConditionGrade.D }, 50m),
    ];

    /// <summary>The default policy.</summary>
    public static RefundPolicy Default { get; } = new();

    /// <summary>
    /// True when a refund of <paramref name="request"/> adds the order's original shipping still unrefunded: the policy
    /// allows it and the shop is at fault for at least one line (the reason chosen at intake).
    /// </summary>
    public bool RefundsOriginalShipping(ReturnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RefundOriginalShippingWhenShopAtFault && request.Lines.Any(l => l.Reason.IsShopAtFault());
    }

    /// <summary>The first fee rule that covers the unit, or null (no fee).</summary>
    public RestockingFeeRule? FeeRuleFor(ReturnReason reason, ConditionGrade? grade) =>
        RestockingFees.FirstOrDefault(r => r.Matches(reason, grade));

    /// <summary>Every problem with the policy, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (RestockingFees is null)
        {
            errors.Add("RestockingFees is required (an empty list means no fees).");
            return errors;
        }

        for (var i = 0; i < RestockingFees.Count; i++)
        {
            var rule = RestockingFees[i];
            var label = $"RestockingFees[{i}] '{rule.Name}'";
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add($"RestockingFees[{i}]: Name is required.");
            }

            if (rule.FeePercent is < 0m or > 100m)
            {
                errors.Add($"{label}: FeePercent must be between 0 and 100, not {rule.FeePercent}.");
            }

            if (rule.Reasons is { Count: 0 } || rule.Grades is { Count: 0 })
            {
                errors.Add($"{label}: an empty reason or grade list matches nothing (leave it out to match all).");
            }
        }

        foreach (var group in RestockingFees.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"RestockingFees: name '{group.Key}' is used {group.Count()} times; names are unique.");
        }

        return errors;
    }
}
