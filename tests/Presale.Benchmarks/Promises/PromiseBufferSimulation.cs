using System.Globalization;
using Presale.Domain.Suppliers;

namespace Presale.Benchmarks.Promises;

/// <summary>
/// A seeded simulation of how the reliability-aware promise buffer trades promise length for kept promises.
/// Run: <c>dotnet run -c Release --project tests/Presale.Benchmarks -- --simulation promises [seed] [lots]</c>.
/// </summary>
/// <remarks>
/// Per supplier profile, lots are ordered one a week; each has a supplier lead time of 14–35 days to its first ETA
/// and a slip drawn from the profile. A customer order quoted when the lot is ordered is promised ETA + handling
/// days, plus — with the buffer — <see cref="PromiseBufferCalculator"/> applied to the lots already received by the
/// quote date (so the buffer only knows the past). A promise is broken when receipt + handling is after it. This is
/// a simulation (deterministic for a seed), not a timing benchmark, so it runs outside BenchmarkDotNet.
/// </remarks>
public static class PromiseBufferSimulation
{
    /// <summary>Days between goods received and dispatch, added to every promise.</summary>
    public const int HandlingDays = 2;

    /// <summary>The outcome for one supplier and one buffer policy (null = no buffer).</summary>
    public sealed record Outcome(string Supplier, string Policy, int Promises, int Broken, double AveragePromiseDays, double AverageBufferDays)
    {
        /// <summary>Broken promises / promises.</summary>
        public double BrokenRate => (double)Broken / Promises;
    }

    /// <summary>Simulates <paramref name="lotsPerSupplier"/> lots for each standard profile and each policy.</summary>
    public static IReadOnlyList<Outcome> Simulate(int seed, int lotsPerSupplier)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lotsPerSupplier, 1);
        (string Name, PromiseBufferPolicy? Policy)[] policies =
        [
            ("none", null),
            ("p80 (default)", PromiseBufferPolicy.Default),
            ("p90", PromiseBufferPolicy.Default with { Percentile = 0.9 }),
        ];

        var outcomes = new List<Outcome>();
        var profiles = new[] { SupplierProfile.Reliable, SupplierProfile.SometimesLate, SupplierProfile.ChronicallyLate };
        for (var p = 0; p < profiles.Length; p++)
        {
            var (lots, leadDays) = History(profiles[p], new Random(seed + p), lotsPerSupplier);
            foreach (var (name, policy) in policies)
            {
                outcomes.Add(Run(profiles[p].Name, name, policy, lots, leadDays));
            }
        }

        return outcomes;
    }

    /// <summary>Prints the simulation report.</summary>
    public static void Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var seed = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20260302;
        var lots = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 520;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Promise buffer simulation: seed {seed}, {lots} lots per supplier, handling {HandlingDays} days, buffer from lots received by the quote date"));
        output.WriteLine();
        output.WriteLine("| supplier | buffer | promises | broken | broken rate | avg promise (days) | avg buffer (days) |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var o in Simulate(seed, lots))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {o.Supplier} | {o.Policy} | {o.Promises} | {o.Broken} | {o.BrokenRate:P1} | {o.AveragePromiseDays:F1} | {o.AverageBufferDays:F1} |"));
        }

        output.WriteLine();
        output.WriteLine("| supplier | OTIF (first ETA, 1 day) | avg slip | p90 slip | grade |");
        output.WriteLine("|---|---:|---:|---:|---|");
        var profiles = new[] { SupplierProfile.Reliable, SupplierProfile.SometimesLate, SupplierProfile.ChronicallyLate };
        for (var p = 0; p < profiles.Length; p++)
        {
            var (history, _) = History(profiles[p], new Random(seed + p), lots);
            var card = SupplierScorecardCalculator.Compute(profiles[p].Name, history, DateOnly.MaxValue.AddDays(-1));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {profiles[p].Name} | {card.OnTimeInFull:P1} | {card.AverageSlipDays:F1} | {card.P90SlipDays} | {card.Grade} |"));
        }
    }

    private static (LotHistory[] Lots, int[] LeadDays) History(SupplierProfile profile, Random random, int count)
    {
        var start = new DateOnly(2025, 1, 6);
        var lots = new LotHistory[count];
        var lead = new int[count];
        for (var i = 0; i < count; i++)
        {
            var orderedOn = start.AddDays(7 * i);
            lead[i] = random.Next(14, 36);
            var eta = orderedOn.AddDays(lead[i]);
            var slip = profile.NextSlip(random);
            lots[i] = new LotHistory($"{profile.Name}-{i:D4}", profile.Name, eta, [], 100, 100, eta.AddDays(slip));
        }

        return (lots, lead);
    }

    private static Outcome Run(string supplier, string policyName, PromiseBufferPolicy? policy, LotHistory[] lots, int[] leadDays)
    {
        int broken = 0;
        long promiseDays = 0, bufferDays = 0;
        for (var i = 0; i < lots.Length; i++)
        {
            var lot = lots[i];
            var quotedOn = lot.FirstPromisedEta.AddDays(-leadDays[i]);
            var buffer = 0;
            if (policy is not null)
            {
                var known = lots.Take(i).Where(l => l.ReceivedOn < quotedOn);
                buffer = PromiseBufferCalculator.For(supplier, known, policy).Days;
            }

            var promise = lot.FirstPromisedEta.AddDays(HandlingDays + buffer);
            var ready = lot.ReceivedOn!.Value.AddDays(HandlingDays);
            broken += ready > promise ? 1 : 0;
            promiseDays += promise.DayNumber - quotedOn.DayNumber;
            bufferDays += buffer;
        }

        return new Outcome(supplier, policyName, lots.Length, broken, (double)promiseDays / lots.Length, (double)bufferDays / lots.Length);
    }
}
