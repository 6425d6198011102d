using System.Globalization;

namespace Presale.Domain.Returns.Triage;

/// <summary>Turns configured <see cref="TriageRuleDefinition"/>s into typed rules, reporting every problem.</summary>
public static class TriageRuleParser
{
    /// <summary>Condition: reasons, comma-separated <see cref="ReturnReason"/> names.</summary>
    public const string Reason = "reason";

    /// <summary>Condition: inspected grades, comma-separated ("C,D").</summary>
    public const string Grade = "grade";

    /// <summary>Condition: at least this many days since delivery.</summary>
    public const string MinDaysSinceDelivery = "minDaysSinceDelivery";

    /// <summary>Condition: at most this many days since delivery.</summary>
    public const string MaxDaysSinceDelivery = "maxDaysSinceDelivery";

    /// <summary>Condition: unit value at least this.</summary>
    public const string MinUnitValue = "minUnitValue";

    /// <summary>Condition: unit value at most this.</summary>
    public const string MaxUnitValue = "maxUnitValue";

    /// <summary>Condition: look-back window in days for <see cref="MinCustomerReturns"/> (both or neither).</summary>
    public const string CustomerReturnsWithinDays = "customerReturnsWithinDays";

    /// <summary>Condition: at least this many earlier returns by the customer in the window.</summary>
    public const string MinCustomerReturns = "minCustomerReturns";

    /// <summary>Condition: SKU categories, comma-separated.</summary>
    public const string Category = "category";

    /// <summary>Condition: supplier warranty active, "true" or "false".</summary>
    public const string WarrantyActive = "warrantyActive";

    /// <summary>Condition: return label costs more than the goods that would travel, "true" or "false".</summary>
    public const string ShippingCostExceedsValue = "shippingCostExceedsValue";

    /// <summary>Every condition name a rule may use.</summary>
    public static IReadOnlyList<string> ConditionNames { get; } =
    [
        Reason, Grade, MinDaysSinceDelivery, MaxDaysSinceDelivery, MinUnitValue, MaxUnitValue,
        CustomerReturnsWithinDays, MinCustomerReturns, Category, WarrantyActive, ShippingCostExceedsValue,
    ];

    // The actions a rule may take (Reject is a reviewer's only).
    private static readonly string RuleActions = string.Join(", ", Enum.GetNames<TriageAction>().Where(n => n != nameof(TriageAction.Reject)));

    /// <summary>Parses and validates <paramref name="definitions"/> into a rule set, or lists every problem.</summary>
    public static TriageRuleSetResult Parse(IEnumerable<TriageRuleDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var errors = new List<string>();
        var rules = new List<TriageRule>();
        var index = 0;
        foreach (var definition in definitions)
        {
            if (ParseOne(definition, $"Rules[{index}]", errors) is { } rule)
            {
                rules.Add(rule);
            }

            index++;
        }

        if (errors.Count > 0)
        {
            // Report the set-level problems (duplicates, unreachable rules) of what did parse, too.
            errors.AddRange(TriageRuleSet.Validate(rules));
            return new TriageRuleSetResult(null, errors);
        }

        return TriageRuleSet.Create(rules);
    }

    private static TriageRule? ParseOne(TriageRuleDefinition? definition, string at, List<string> errors)
    {
        if (definition is null)
        {
            errors.Add($"{at}: the rule is empty.");
            return null;
        }

        var label = string.IsNullOrWhiteSpace(definition.Name) ? at : $"{at} '{definition.Name}'";
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            errors.Add($"{label}: Name is required.");
        }

        if (definition.Priority is null)
        {
            errors.Add($"{label}: Priority is required.");
        }

        TriageAction action = default;
        if (string.IsNullOrWhiteSpace(definition.Action))
        {
            errors.Add($"{label}: Action is required; one of {RuleActions}.");
        }
        else if (!TryParseName(definition.Action.Trim(), out action))
        {
            errors.Add($"{label}: unknown action '{definition.Action}'; use one of {RuleActions}.");
        }

        var when = ParseConditions(definition.When ?? new Dictionary<string, string?>(), label, errors);
        return errors.Count == before ? new TriageRule(definition.Name!, definition.Priority!.Value, when, action) : null;
    }

    private static TriageConditions ParseConditions(IDictionary<string, string?> raw, string label, List<string> errors)
    {
        var byName = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in raw)
        {
            var known = ConditionNames.FirstOrDefault(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                errors.Add($"{label}: unknown condition '{key}'; use one of {string.Join(", ", ConditionNames)}.");
            }
            else if (!byName.TryAdd(known, value))
            {
                errors.Add($"{label}: condition '{known}' is given more than once.");
            }
        }

        string? Get(string name) => byName.TryGetValue(name, out var value) ? value : null;
        bool Has(string name) => byName.ContainsKey(name);

        var withinDays = Int(CustomerReturnsWithinDays);
        var atLeast = Int(MinCustomerReturns);
        if (Has(CustomerReturnsWithinDays) != Has(MinCustomerReturns))
        {
            errors.Add($"{label}: '{CustomerReturnsWithinDays}' and '{MinCustomerReturns}' are given together or not at all.");
        }

        return new TriageConditions
        {
            Reasons = EnumSet<ReturnReason>(Reason),
            Grades = EnumSet<ConditionGrade>(Grade),
            MinDaysSinceDelivery = Int(MinDaysSinceDelivery),
            MaxDaysSinceDelivery = Int(MaxDaysSinceDelivery),
            MinUnitValue = Decimal(MinUnitValue),
            MaxUnitValue = Decimal(MaxUnitValue),
            CustomerReturns = withinDays is { } days && atLeast is { } count ? new CustomerReturnsCondition(days, count) : null,
            Categories = Has(Category) ? List(Category).ToHashSet(StringComparer.OrdinalIgnoreCase) : null,
            WarrantyActive = Bool(WarrantyActive),
            ShippingCostExceedsValue = Bool(ShippingCostExceedsValue),
        };

        IEnumerable<string> List(string name) =>
            (Get(name) ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        HashSet<T>? EnumSet<T>(string name)
            where T : struct, Enum
        {
            if (!Has(name))
            {
                return null;
            }

            var set = new HashSet<T>();
            foreach (var item in List(name))
            {
                if (TryParseName<T>(item, out var parsed))
                {
                    set.Add(parsed);
                }
                else
                {
                    errors.Add($"{label}: condition '{name}' has unknown value '{item}'; use {string.Join(", ", Enum.GetNames<T>())}.");
                }
            }

            return set;
        }

        int? Int(string name)
        {
            if (!Has(name))
            {
                return null;
            }

            if (int.TryParse(Get(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors.Add($"{label}: condition '{name}' must be a whole number, not '{Get(name)}'.");
            return null;
        }

        decimal? Decimal(string name)
        {
            if (!Has(name))
            {
                return null;
            }

            if (decimal.TryParse(Get(name), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors.Add($"{label}: condition '{name}' must be a number like 12.50, not '{Get(name)}'.");
            return null;
        }

        bool? Bool(string name)
        {
            if (!Has(name))
            {
                return null;
            }

            if (bool.TryParse(Get(name), out var value))
            {
                return value;
            }

            errors.Add($"{label}: condition '{name}' must be true or false, not '{Get(name)}'.");
            return null;
        }
    }

    // Enum.TryParse also accepts numbers ("7") and undefined values; configuration must use the names.
    private static bool TryParseName<T>(string text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value)
        && Enum.IsDefined(value)
        && Enum.GetNames<T>().Contains(text, StringComparer.OrdinalIgnoreCase);
}
