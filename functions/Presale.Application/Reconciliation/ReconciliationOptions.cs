using Presale.Domain.Reconciliation;

namespace Presale.Application.Reconciliation;

/// <summary>Settings of SKU reconciliation and of supplier-reliability buffers on promises (<c>Presale:Reconciliation</c>).</summary>
public sealed class ReconciliationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Reconciliation";

    /// <summary>
    /// Who is served first when supply is short: <see cref="PriorityRule.TierThenOrderTime"/> (default: customer tier,
    /// then order time) or <see cref="PriorityRule.FirstComeFirstServed"/> (order time only).
    /// </summary>
    public PriorityRule PriorityRule { get; set; } = PriorityRule.TierThenOrderTime;

    /// <summary>Orders read in parallel while loading a SKU's open orders (default 32, 1–256).</summary>
    public int ReadConcurrency { get; set; } = 32;

    /// <summary>Changed orders written in parallel (default 16, 1–256).</summary>
    public int WriteConcurrency { get; set; } = 16;

    /// <summary>Attempts before a reconciliation that keeps meeting concurrent changes gives up and lets the message be redelivered (default 20, 1–64).</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>
    /// The longest a run may take (default 9 minutes, 1 minute – 1 hour): past it the run is cancelled and its message
    /// redelivered. A plan taken longer ago than this (plus a minute for writes in flight) has no writer left, which
    /// lets the next run mark its own plan complete (docs/reconciliation.md, "Demand index").
    /// </summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>
    /// Whether quotes and placements add a supplier's learned slip buffer to promises backed by its lots (default
    /// true; a supplier without enough received lots gets +0 days either way).
    /// </summary>
    public bool SupplierBufferEnabled { get; set; } = true;

    /// <summary>The slip percentile the buffer covers (default 0.8, in (0, 1]).</summary>
    public double SupplierBufferPercentile { get; set; } = 0.8;

    /// <summary>How many of the supplier's latest received lots the buffer learns from (default 12, 1–1000).</summary>
    public int SupplierBufferLookbackLots { get; set; } = 12;

    /// <summary>Received lots needed before any buffer is added (default 5, 1 – lookback).</summary>
    public int SupplierBufferMinimumLots { get; set; } = 5;

    /// <summary>The largest buffer in days (default 14, 0–365).</summary>
    public int SupplierBufferMaximumDays { get; set; } = 14;

    /// <summary>The buffer policy these settings describe.</summary>
    public Domain.Suppliers.PromiseBufferPolicy BufferPolicy =>
        new(SupplierBufferPercentile, SupplierBufferLookbackLots, SupplierBufferMinimumLots, SupplierBufferMaximumDays);

    /// <summary>Every invalid setting, each message naming it (empty when all are valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(PriorityRule))
        {
            errors.Add($"{SectionName}:{nameof(PriorityRule)} must be TierThenOrderTime or FirstComeFirstServed (got '{PriorityRule}').");
        }

        Range(nameof(ReadConcurrency), ReadConcurrency, 1, 256);
        Range(nameof(WriteConcurrency), WriteConcurrency, 1, 256);
        Range(nameof(MaxAttempts), MaxAttempts, 1, 64);
        if (RunTimeout < TimeSpan.FromMinutes(1) || RunTimeout > TimeSpan.FromHours(1))
        {
            errors.Add($"{SectionName}:{nameof(RunTimeout)} must be between 00:01:00 and 01:00:00 (got {RunTimeout}).");
        }

        Range(nameof(SupplierBufferLookbackLots), SupplierBufferLookbackLots, 1, 1000);
        Range(nameof(SupplierBufferMinimumLots), SupplierBufferMinimumLots, 1, SupplierBufferLookbackLots);
        Range(nameof(SupplierBufferMaximumDays), SupplierBufferMaximumDays, 0, 365);
        if (!(SupplierBufferPercentile > 0 && SupplierBufferPercentile <= 1))
        {
            errors.Add($"{SectionName}:{nameof(SupplierBufferPercentile)} must be in (0, 1] (got {SupplierBufferPercentile}).");
        }

        return errors;

        void Range(string name, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                errors.Add($"{SectionName}:{name} must be between {min} and {max} (got {value}).");
            }
        }
    }
}
