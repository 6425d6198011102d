using System.Globalization;
using Presale.Domain.Common;

namespace Presale.Domain.Compensation;

/// <summary>
/// A shop's delay compensation policy, as data. Tiers are ordered by the day late from which they are due; each tier
/// is paid once per order. Tier <c>i</c> covers the days from its own <see cref="CompensationTier.FromDayLate"/> up to
/// the day before the next tier's (the last tier covers one period); it pays its percentage once for every started
/// period of <see cref="PeriodDays"/> days in that span (partial periods round up), at least its minimum, and never
/// more than what <see cref="CapPerOrder"/> leaves after the tiers already issued.
/// </summary>
/// <remarks>
/// The default (<see cref="Default"/>) follows the Taobao late-shipping model: 5 % of the late lines' paid amount,
/// at least 5 and at most 30 in the shop's currency, paid as a coupon, spread over three weekly tiers (from day 1,
/// day 8 and day 15 late) so that a long delay earns more than a short one until the cap is reached.
/// </remarks>
public sealed record CompensationPolicy
{
    /// <summary>The shop's ISO 4217 currency; every amount of the policy and of the orders it assesses uses it.</summary>
    public required string Currency { get; init; }

    /// <summary>Coupon or store credit. Default <see cref="CompensationKind.Coupon"/>.</summary>
    public CompensationKind Kind { get; init; } = CompensationKind.Coupon;

    /// <summary>Length of one compensation period in days (at least 1). Default 7.</summary>
    public int PeriodDays { get; init; } = 7;

    /// <summary>The tiers, strictly ascending by <see cref="CompensationTier.FromDayLate"/> (at least 1). At least one.</summary>
    public required IReadOnlyList<CompensationTier> Tiers { get; init; }

    /// <summary>The most one order can receive across all tiers; not negative, in <see cref="Currency"/>.</summary>
    public required Money CapPerOrder { get; init; }

    /// <summary>Decimal places awards are rounded to, half away from zero (0–4). Default 2.</summary>
    public int Decimals { get; init; } = 2;

    /// <summary>
    /// The default policy in <paramref name="currency"/>: tiers from day 1, 8 and 15 late, each 5 % of the late lines'
    /// value per started 7-day period with a minimum of 5; at most 30 per order; paid as a coupon.
    /// </summary>
    public static CompensationPolicy Default(string currency)
    {
        var minimum = new Money(5m, currency);
        return new CompensationPolicy
        {
            Currency = minimum.Currency,
            Kind = CompensationKind.Coupon,
            PeriodDays = 7,
            Tiers = [new(1, 5m, minimum), new(8, 5m, minimum), new(15, 5m, minimum)],
            CapPerOrder = new Money(30m, currency),
            Decimals = 2,
        };
    }

    /// <summary>
    /// The problems with this policy, each naming its setting (e.g. <c>Tiers[1].FromDayLate</c>); empty when valid.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Currency) || Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add($"{nameof(Currency)} must be an upper-case ISO 4217 code, not '{Currency}'.");
        }

        if (PeriodDays < 1)
        {
            errors.Add($"{nameof(PeriodDays)} must be at least 1.");
        }

        if (Decimals is < 0 or > 4)
        {
            errors.Add($"{nameof(Decimals)} must be between 0 and 4.");
        }

        CheckAmount(errors, nameof(CapPerOrder), CapPerOrder);
        if (Tiers is null || Tiers.Count == 0)
        {
            errors.Add($"{nameof(Tiers)} must hold at least one tier.");
            return errors;
        }

        for (var i = 0; i < Tiers.Count; i++)
        {
            var tier = Tiers[i];
            var name = string.Create(CultureInfo.InvariantCulture, $"{nameof(Tiers)}[{i}]");
            if (tier is null)
            {
                errors.Add($"{name} is missing.");
                continue;
            }

            if (tier.FromDayLate < 1)
            {
                errors.Add($"{name}.{nameof(CompensationTier.FromDayLate)} must be at least 1.");
            }
            else if (i > 0 && Tiers[i - 1] is { } previous && tier.FromDayLate <= previous.FromDayLate)
            {
                errors.Add($"{name}.{nameof(CompensationTier.FromDayLate)} must be later than the previous tier's.");
            }

            if (tier.PercentPerPeriod < 0m)
            {
                errors.Add($"{name}.{nameof(CompensationTier.PercentPerPeriod)} may not be negative.");
            }

            CheckAmount(errors, $"{name}.{nameof(CompensationTier.Minimum)}", tier.Minimum);
        }

        return errors;
    }

    /// <summary>
    /// Number of started periods tier <paramref name="index"/> (0-based) pays for: its span of days divided by
    /// <see cref="PeriodDays"/>, rounded up; the last tier pays one period.
    /// </summary>
    public int PeriodsOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Tiers.Count);
        if (index == Tiers.Count - 1)
        {
            return 1;
        }

        var span = Tiers[index + 1].FromDayLate - Tiers[index].FromDayLate;
        return (span + PeriodDays - 1) / PeriodDays;
    }

    /// <summary>
    /// Applies the policy to <paramref name="order"/> at <paramref name="now"/>, counting days in the shop's
    /// <paramref name="shopZone"/>: returns the tiers due and not yet in <paramref name="issued"/>, each with its amount
    /// and de-duplication key. Pure: the same inputs always give the same answer.
    /// </summary>
    /// <exception cref="InvalidOperationException">The policy is invalid (see <see cref="Validate"/>).</exception>
    /// <exception cref="ArgumentException">An amount of the order or of <paramref name="issued"/> is in another currency.</exception>
    public CompensationAssessment Assess(
        LateOrder order,
        IReadOnlyCollection<IssuedCompensation> issued,
        DateTimeOffset now,
        TimeZoneInfo shopZone)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(issued);
        ArgumentNullException.ThrowIfNull(shopZone);
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid compensation policy: " + string.Join(" ", errors));
        }

        var zero = Money.Zero(Currency);
        var lateValue = order.Lines.Aggregate(zero, (sum, line) => sum + InCurrency(line.LateValue, nameof(order)));
        if (order.Cancelled)
        {
            return new(CompensationStatus.Cancelled, 0, lateValue, [], null);
        }

        if (order.ReadyToShipDate is { } ready && ready <= order.PromisedDate)
        {
            return new(CompensationStatus.ReadyOnTime, 0, lateValue, [], null);
        }

        var daysLate = ShopCalendar.DaysLate(order.PromisedDate, now, shopZone);
        if (order.ReadyToShipDate is { } readyLate)
        {
            daysLate = Math.Min(daysLate, readyLate.DayNumber - order.PromisedDate.DayNumber);
        }

        if (daysLate == 0)
        {
            return new(CompensationStatus.NotLate, 0, lateValue, [], DueOn(order, 0));
        }

        var issuedTiers = issued.Select(i => i.Tier).ToHashSet();
        var remainingCap = issued.Aggregate(CapPerOrder, (left, i) => left - InCurrency(i.Amount, nameof(issued)));
        var awards = new List<CompensationAward>();
        for (var i = 0; i < Tiers.Count && Tiers[i].FromDayLate <= daysLate; i++)
        {
            var tierNumber = i + 1;
            if (issuedTiers.Contains(tierNumber) || lateValue.Amount <= 0m || remainingCap.Amount <= 0m)
            {
                continue;
            }

            var tier = Tiers[i];
            var earned = (lateValue * (tier.PercentPerPeriod / 100m * PeriodsOf(i))).Round(Decimals);
            var amount = Money.Min(Money.Max(earned, tier.Minimum), remainingCap).Round(Decimals);
            if (amount.Amount <= 0m)
            {
                continue;
            }

            remainingCap -= amount;
            awards.Add(new CompensationAward(
                order.OrderId,
                order.CustomerId,
                tierNumber,
                DueOn(order, i)!.Value,
                amount,
                Kind,
                CompensationAward.KeyFor(order.OrderId, tierNumber)));
        }

        var stillOpen = order.ReadyToShipDate is null && remainingCap.Amount > 0m && lateValue.Amount > 0m;
        var next = stillOpen ? NextTierIndex(daysLate) : null;
        return new(CompensationStatus.Late, daysLate, lateValue, awards, next is { } n ? DueOn(order, n) : null);
    }

    private int? NextTierIndex(int daysLate)
    {
        for (var i = 0; i < Tiers.Count; i++)
        {
            if (Tiers[i].FromDayLate > daysLate)
            {
                return i;
            }
        }

        return null;
    }

    private DateOnly? DueOn(LateOrder order, int tierIndex) =>
        tierIndex < Tiers.Count ? order.PromisedDate.AddDays(Tiers[tierIndex].FromDayLate) : null;

    private Money InCurrency(Money amount, string parameter) =>
        amount.Currency == Currency
            ? amount
            : throw new ArgumentException($"Amount {amount} is not in the policy's currency {Currency}.", parameter);

    private void CheckAmount(List<string> errors, string name, Money amount)
    {
        if (amount.Currency is null)
        {
            errors.Add($"{name} is required.");
            return;
        }

        if (amount.Currency != Currency)
        {
            errors.Add($"{name} is in {amount.Currency}, not the policy's currency {Currency}.");
        }

        if (amount.Amount < 0m)
        {
            errors.Add($"{name} may not be negative.");
        }
    }
}
