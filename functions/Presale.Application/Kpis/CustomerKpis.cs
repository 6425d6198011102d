using Presale.Domain.Kpis;

namespace Presale.Application.Kpis;

/// <summary>One customer's KPI snapshot.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Orders">Confirmed orders (cancelled ones included).</param>
/// <param name="Revenue">What they were worth.</param>
/// <param name="AverageOrderValue">Revenue ÷ orders.</param>
/// <param name="FirstOrderOn">The shop-local day of the first order.</param>
/// <param name="LastOrderOn">The shop-local day of the latest order.</param>
/// <param name="Rfm">Recency, frequency and monetary quintiles among the shop's customers, and the segment.</param>
/// <param name="LifetimeValue">The customer's AOV × their orders × the shop's retention over the activity window ÷ (1 + discount rate)^lifespan; null while retention is unknown.</param>
public sealed record CustomerKpis(string CustomerId, int Orders, decimal Revenue, decimal AverageOrderValue, DateOnly FirstOrderOn, DateOnly LastOrderOn, RfmScore Rfm, decimal? LifetimeValue);
