using Presale.Domain.Common;

namespace Presale.Domain.Payments;

/// <summary>
/// What an order's customer owes and when: one or two instalments per line from its payment plan, derived again from
/// the lines' current estimates whenever they are needed, so the schedule moves when a promise moves and never drifts
/// from it. Amounts are in the order's currency: a deposit is rounded down to its minor units and the remainder is
/// the balance (the last instalment of the line), so the instalments always add up to the lines plus the shipping
/// charge; the shipping charge rides on the first charge at order, or (when nothing is charged at order) on the
/// lowest line's instalment, so a re-plan moves due dates but never amounts between instalments.
/// </summary>
public sealed class PaymentSchedule
{
    private PaymentSchedule(string currency, IReadOnlyList<Instalment> instalments)
    {
        Currency = currency;
        Instalments = instalments;
    }

    /// <summary>The order's currency.</summary>
    public string Currency { get; }

    /// <summary>The instalments, in the order they fall due (day, then at-order first, then line number).</summary>
    public IReadOnlyList<Instalment> Instalments { get; }

    /// <summary>Everything the schedule asks for: the lines and the shipping charge.</summary>
    public Money Total => Instalments.Aggregate(Money.Zero(Currency), (sum, i) => sum + i.Amount);

    /// <summary>
    /// The schedule of an order placed on <paramref name="orderedOn"/> (shop-local day) with <paramref name="lines"/>
    /// and <paramref name="shippingCharge"/>. A deposit that rounds to nothing leaves one balance; a deposit that is
    /// the whole line is a full payment at order. A balance or on-ship instalment is never due before the order day.
    /// </summary>
    public static PaymentSchedule Plan(DateOnly orderedOn, IReadOnlyList<ScheduledLine> lines, Money shippingCharge)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var currency = shippingCharge.Currency;
        var zero = Money.Zero(currency);
        var instalments = new List<Instalment>(lines.Count * 2);
        foreach (var line in lines)
        {
            ArgumentNullException.ThrowIfNull(line.Plan);
            if (line.Total.Currency != currency)
            {
                throw new ArgumentException("Every line is in the order's currency.", nameof(lines));
            }

            var later = line.ReadyOn < orderedOn ? orderedOn : line.ReadyOn;
            switch (line.Plan.Kind)
            {
                case PaymentPlanKind.PayOnShip:
                    instalments.Add(new Instalment(line.LineNumber, InstalmentKind.OnShip, line.Total, later));
                    break;
                case PaymentPlanKind.Deposit when line.Plan.DepositOn(line.Total, line.Quantity) is var deposit && deposit > zero && deposit < line.Total:
                    instalments.Add(new Instalment(line.LineNumber, InstalmentKind.Deposit, deposit, orderedOn));
                    instalments.Add(new Instalment(line.LineNumber, InstalmentKind.Balance, line.Total - deposit, later));
                    break;
                case PaymentPlanKind.Deposit when line.Plan.DepositOn(line.Total, line.Quantity) == zero:
                    instalments.Add(new Instalment(line.LineNumber, InstalmentKind.Balance, line.Total, later));
                    break;
                default:
                    instalments.Add(new Instalment(line.LineNumber, InstalmentKind.Full, line.Total, orderedOn));
                    break;
            }
        }

        var ordered = instalments.OrderBy(i => i.DueOn).ThenBy(i => i.AtOrder ? 0 : 1).ThenBy(i => i.LineNumber).ToList();
        // The shipping charge goes with the first charge at order, else with line 1's (lowest line's) instalment: a
        // re-plan moves dates, never amounts between instalments.
        var carrier = ordered.FindIndex(i => i.AtOrder) is var first && first >= 0 ? first : ordered.FindIndex(i => i.LineNumber == ordered.Min(o => o.LineNumber));
        if (shippingCharge > zero && carrier >= 0)
        {
            ordered[carrier] = ordered[carrier] with { Amount = ordered[carrier].Amount + shippingCharge };
        }

        return new PaymentSchedule(currency, ordered.AsReadOnly());
    }

    /// <summary>The instalment with <paramref name="id"/>, or null.</summary>
    public Instalment? Find(string id) => Instalments.FirstOrDefault(i => i.Id == id);

    /// <summary>
    /// The instalments of this schedule whose due day differs from the same instalment in <paramref name="before"/>
    /// (a re-plan moved their line): what the customer is told about.
    /// </summary>
    public IReadOnlyList<Instalment> MovedSince(PaymentSchedule before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return [.. Instalments.Where(i => before.Find(i.Id) is { } old && old.DueOn != i.DueOn)];
    }
}
