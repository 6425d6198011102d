using Presale.Application.Kpis;
using Presale.Application.Suppliers;
using Presale.Domain.Kpis;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Presale.Functions.Features.Operations;

/// <summary>The OpenAPI examples of the operations feature's routes (KPIs and console pages), by operation id.</summary>
internal static class OperationsExamples
{
    private static readonly DateTimeOffset ComputedAt = new(2026, 3, 31, 23, 15, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, ReasonRate> Reasons = new(StringComparer.Ordinal)
    {
        ["Defective"] = new ReasonRate(3, 0.0125m),
        ["ChangedMind"] = new ReasonRate(5, 0.0208m),
    };

    private static readonly ShopKpisView Shop = new(
        new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 31), ComputedAt, "EUR",
        Orders: 120, Units: 240, Revenue: 9600.00m, AverageOrderValue: 80.00m, CancelledOrders: 4,
        UnitsShipped: 200, CostOfGoodsSold: 4000.00m, AverageInventoryValue: 12000.00m, InventoryTurnover: 0.3333m, DaysOfSupply: 37.5m,
        PromisesDue: 180, PromisesKept: 171, PromiseAccuracy: 0.95m, BrokenPromiseRate: 0.05m,
        UnitsReturned: 8, ReturnRate: 0.0333m, ReturnsByReason: Reasons, UnitsRestocked: 5,
        Compensation: 96.00m, CompensationShareOfRevenue: 0.01m,
        CustomersAtStart: 400, CustomersAtEnd: 430, NewCustomers: 50, Retention: 0.95m, OrdersPerCustomer: 2.1m, CustomerLifetimeValue: 119.92m,
        OpenOrders: 35, OnTrack: 30, AtRisk: 4, Late: 1,
        Segments: new Dictionary<string, int>(StringComparer.Ordinal) { ["Champions"] = 40, ["Loyal"] = 90, ["New"] = 50, ["Promising"] = 80, ["CannotLose"] = 20, ["AtRisk"] = 60, ["Hibernating"] = 90 },
        InventoryValueNow: 11800.00m, UnpricedSkus: []);

    private static readonly SkuKpisView Sku = new(
        "KB-75", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 31), ComputedAt,
        Units: 60, Revenue: 5400.00m, UnitsShipped: 50, CostOfGoodsSold: 2500.00m, AverageInventoryValue: 5000.00m, InventoryTurnover: 0.5m,
        OnHand: 100, DaysOfSupply: 50m, UnitsReturned: 3, ReturnRate: 0.05m, ReturnsByReason: new Dictionary<string, ReasonRate>(StringComparer.Ordinal) { ["Defective"] = new(3, 0.05m) });

    private static readonly SupplierScorecardView Scorecard = new(
        "acme", new DateOnly(2026, 3, 31), 1, false, Lots: 12, MeasuredLots: 10, OnTimeInFullLots: 9, OnTimeInFull: 0.9, AverageSlipDays: 0.8, P50SlipDays: 1, P90SlipDays: 3,
        EtaChangesPerLot: 0.5, FillRate: 0.99, CancellationRate: 0.0, ReturnClaimsPerLot: 0.1, Grade: Presale.Domain.Suppliers.SupplierGrade.B, MinimumLotsForGrade: 3, SilentOverruns: 1);

    private static readonly CustomerKpis Customer = new(
        "cust-42", 4, 320.00m, 80.00m, new DateOnly(2025, 6, 1), new DateOnly(2026, 3, 20), new RfmScore("cust-42", 5, 4, 4, RfmSegment.Champions), 228.40m);

    private static readonly object BadRange = Problems.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["from"] = ["'from' (2026-04-01) must not be after 'to' (2026-03-31)."] });

    private const string Html = "<!DOCTYPE html>\n<html lang=\"en\">…<main id=\"main\"><h1>Overview</h1>…</main></html>";

    /// <summary>The examples by operation id.</summary>
    public static IReadOnlyDictionary<string, ApiExamples> ByOperationId { get; } = new Dictionary<string, ApiExamples>(StringComparer.Ordinal)
    {
        ["GetKpis"] = ApiExamples.For(null, (Status200OK, Shop), (Status400BadRequest, BadRange), (Status409Conflict, KpisFunctions.NotComputed())),
        ["GetSkuKpis"] = ApiExamples.For(null, (Status200OK, Sku), (Status400BadRequest, BadRange), (Status404NotFound, Problems.NotFound("SKU KB-99 in the KPI snapshot", "sku")), (Status409Conflict, KpisFunctions.NotComputed())),
        ["GetSupplierKpis"] = ApiExamples.For(null, (Status200OK, Scorecard), (Status404NotFound, Problems.NotFound("Supplier nobody in the KPI snapshot", "supplierId")), (Status409Conflict, KpisFunctions.NotComputed())),
        ["GetCustomerKpis"] = ApiExamples.For(null, (Status200OK, Customer), (Status404NotFound, Problems.NotFound("Customer cust-0 in the KPI snapshot", "customerId")), (Status409Conflict, KpisFunctions.NotComputed())),
        ["ConsoleSignIn"] = ApiExamples.For(null, (Status200OK, Html)),
        ["ConsoleOverview"] = ApiExamples.For(null, (Status200OK, Html)),
        ["ConsoleSku"] = ApiExamples.For(null, (Status200OK, Html)),
        ["ConsoleOrder"] = ApiExamples.For(null, (Status200OK, Html)),
        ["ConsoleSuppliers"] = ApiExamples.For(null, (Status200OK, Html)),
        ["ConsoleSupplier"] = ApiExamples.For(null, (Status200OK, Html)),
        ["ConsolePromises"] = ApiExamples.For(null, (Status200OK, Html)),
        ["ConsoleReturns"] = ApiExamples.For(null, (Status200OK, Html)),
    };
}
