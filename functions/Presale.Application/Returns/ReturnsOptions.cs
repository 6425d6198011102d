using System.Globalization;
using Presale.Domain.Common;
using Presale.Domain.Returns.Eligibility;
using Presale.Domain.Returns.Refunds;
using Presale.Domain.Returns.Triage;

namespace Presale.Application.Returns;

/// <summary>
/// Returns settings (<c>Presale:Returns</c>, environment <c>Presale__Returns__…</c>): tables, eligibility, triage
/// rules, refunds, warranty and the triage timer's paging. Every setting has a safe default; <see cref="Validate"/>
/// lists every problem, each naming its setting.
/// </summary>
public sealed class ReturnsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Returns";

    /// <summary>The table of returns, their indexes, order totals, customer history and outbox. Default <c>returns</c>.</summary>
    public string ReturnsTable { get; set; } = "returns";

    /// <summary>The table of supplier claims (partition = supplier id), read for the supplier scorecard. Default <c>supplierclaims</c>.</summary>
    public string SupplierClaimsTable { get; set; } = "supplierclaims";

    /// <summary>The return window when the SKU's category has none. Default 30 days.</summary>
    public int DefaultWindowDays { get; set; } = 30;

    /// <summary>Return windows per SKU category (ignoring case). Default none.</summary>
    public Dictionary<string, int> WindowDaysByCategory { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Categories never taken back. Default none.</summary>
    public List<string> NonReturnableCategories { get; set; } = [];

    /// <summary>SKUs never taken back. Default none.</summary>
    public List<string> NonReturnableSkus { get; set; } = [];

    /// <summary>
    /// The shop's triage rules, prioritised (lower first). Default: none configured, which means
    /// <see cref="TriageRuleSet.Default"/>. Validated at start; every problem is reported.
    /// </summary>
    public List<TriageRuleDefinition> Rules { get; set; } = [];

    /// <summary>Restocking fees by reason and grade, first match wins. Default: none configured, which means <see cref="RefundPolicy.Default"/>'s.</summary>
    public List<RestockingFeeOptions> RestockingFees { get; set; } = [];

    /// <summary>Refund the order's original shipping when the shop is at fault. Default true.</summary>
    public bool RefundOriginalShippingWhenShopAtFault { get; set; } = true;

    /// <summary>Deduct the return label from the refund when the customer is at fault. Default true.</summary>
    public bool DeductReturnLabelWhenCustomerAtFault { get; set; } = true;

    /// <summary>What a return label costs the shop, in the shop's currency; null = unknown (keep-it rules never fire). Default null.</summary>
    public decimal? ReturnLabelCost { get; set; }

    /// <summary>The supplier warranty from delivery, in days, when the category has none; 0 = no warranty. Default 365.</summary>
    public int DefaultWarrantyDays { get; set; } = 365;

    /// <summary>Supplier warranty per category (ignoring case), in days. Default none.</summary>
    public Dictionary<string, int> WarrantyDaysByCategory { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns read per index page by the triage timer. Default 50.</summary>
    public int TriagePageSize { get; set; } = 50;

    /// <summary>Returns the triage timer decides per run at most (the rest waits for the next run). Default 500.</summary>
    public int MaxReturnsPerRun { get; set; } = 500;

    /// <summary>How old an unfinished outbox row must be before the triage timer finishes it. Default 30 seconds.</summary>
    public TimeSpan OutboxGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest request body of the returns routes. Default 65536 bytes.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The most lines, photos or receipts in one request. Default 50.</summary>
    public int MaxItemsPerRequest { get; set; } = 50;

    /// <summary>The eligibility policy these settings describe.</summary>
    public ReturnEligibilityPolicy EligibilityPolicy() => new()
    {
        DefaultWindowDays = DefaultWindowDays,
        WindowDaysByCategory = new Dictionary<string, int>(WindowDaysByCategory, StringComparer.OrdinalIgnoreCase),
        NonReturnableCategories = NonReturnableCategories.ToHashSet(StringComparer.OrdinalIgnoreCase),
        NonReturnableSkus = NonReturnableSkus.Select(s => Sku.TryParse(s, out var sku, out _) ? sku : (Sku?)null).OfType<Sku>().ToHashSet(),
    };

    /// <summary>The refund policy these settings describe.</summary>
    public RefundPolicy RefundPolicy() => new()
    {
        RestockingFees = RestockingFees.Count == 0
            ? Domain.Returns.Refunds.RefundPolicy.Default.RestockingFees
            : [.. RestockingFees.Select(f => f.ToRule())],
        RefundOriginalShippingWhenShopAtFault = RefundOriginalShippingWhenShopAtFault,
        DeductReturnLabelWhenCustomerAtFault = DeductReturnLabelWhenCustomerAtFault,
    };

    /// <summary>The triage rules: the configured ones, or the default set when none are configured.</summary>
    public TriageRuleSetResult TriageRules() => Rules.Count == 0
        ? new TriageRuleSetResult(TriageRuleSet.Default, [])
        : TriageRuleParser.Parse(Rules);

    /// <summary>The last warranty day of a unit of <paramref name="category"/> delivered on <paramref name="deliveredOn"/>, or null when there is none.</summary>
    public DateOnly? WarrantyUntil(string category, DateOnly? deliveredOn)
    {
        var days = WarrantyDaysByCategory.TryGetValue(category, out var d) ? d : DefaultWarrantyDays;
        return deliveredOn is { } on && days > 0 ? on.AddDays(days) : null;
    }

    /// <summary>Every problem with these settings, each naming its setting (<c>Presale:Returns:…</c>).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Table(string name, string value)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length is < 3 or > 63 || !char.IsAsciiLetter(value[0]) || !value.All(char.IsAsciiLetterOrDigit))
            {
                errors.Add($"{SectionName}:{name} must be a table name: 3 to 63 letters or digits, starting with a letter (not '{value}').");
            }
        }

        Table(nameof(ReturnsTable), ReturnsTable);
        Table(nameof(SupplierClaimsTable), SupplierClaimsTable);
        errors.AddRange(EligibilityPolicy().Validate().Select(e => $"{SectionName}: {e}"));
        foreach (var sku in NonReturnableSkus.Where(s => !Sku.TryParse(s, out _, out _)))
        {
            errors.Add($"{SectionName}:NonReturnableSkus: '{sku}' is not a SKU code.");
        }

        var rules = TriageRules();
        errors.AddRange(rules.Errors.Select(e => $"{SectionName}:Rules: {e}"));
        for (var i = 0; i < RestockingFees.Count; i++)
        {
            errors.AddRange(RestockingFees[i].Problems().Select(e => $"{SectionName}:RestockingFees:{i}: {e}"));
        }

        if (RestockingFees.All(f => f.Problems().Count == 0))
        {
            errors.AddRange(RefundPolicy().Validate().Select(e => $"{SectionName}: {e}"));
        }

        if (ReturnLabelCost is < 0m)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:ReturnLabelCost must not be negative, not {ReturnLabelCost}."));
        }

        if (DefaultWarrantyDays is < 0 or > 3650)
        {
            errors.Add($"{SectionName}:DefaultWarrantyDays must be between 0 and 3650, not {DefaultWarrantyDays}.");
        }

        foreach (var (category, days) in WarrantyDaysByCategory.Where(kv => kv.Value is < 0 or > 3650))
        {
            errors.Add($"{SectionName}:WarrantyDaysByCategory:{category} must be between 0 and 3650, not {days}.");
        }

        if (TriagePageSize is < 1 or > 1000)
        {
            errors.Add($"{SectionName}:TriagePageSize must be between 1 and 1000, not {TriagePageSize}.");
        }

        if (MaxReturnsPerRun < 1)
        {
            errors.Add($"{SectionName}:MaxReturnsPerRun must be at least 1, not {MaxReturnsPerRun}.");
        }

        if (OutboxGrace < TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:OutboxGrace must not be negative, not {OutboxGrace}.");
        }

        if (MaxRequestBodyBytes is < 1024 or > 4 * 1024 * 1024)
        {
            errors.Add($"{SectionName}:MaxRequestBodyBytes must be between 1024 and 4194304, not {MaxRequestBodyBytes}.");
        }

        if (MaxItemsPerRequest is < 1 or > 1000)
        {
            errors.Add($"{SectionName}:MaxItemsPerRequest must be between 1 and 1000, not {MaxItemsPerRequest}.");
        }

        return errors;
    }
}
