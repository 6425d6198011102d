using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Presale.Application.Alerts;
using Presale.Application.Compensation;
using Presale.Application.IntegrationEvents;
using Presale.Application.Kpis;
using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Purchasing;
using Presale.Application.Reconciliation;
using Presale.Application.Replenishment;
using Presale.Application.Returns;
using Presale.Application.Suppliers;
using Presale.Adapters.Storage;
using Presale.Functions.Features.Operations;
using Presale.Functions.Host;
using Presale.Functions.Host.Standalone;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Composition;

/// <summary>
/// The app binds its options with the configuration binding source generator (code generated at build, no reflection
/// at start). This test project binds with the reflection binder, so each options class bound here both ways from the
/// app's own configuration (<c>appsettings.json</c> plus overrides shaped as environment variables make them, list and
/// map entries included) must come out equal: the generator binds list and map entries its own way, and a difference
/// would change what a shop configured.
/// </summary>
public sealed class GeneratedOptionsBindingTests
{
    // Every list and map entry the options classes have, set as environment variables set them (Presale__A__0__B
    // arrives as Presale:A:0:B), with keys in another case than the defaults to check the maps' comparers.
    private static readonly (string Key, string Value)[] Overrides =
    [
        ("Presale:Storage:Tables:0", "ExtraTable"),
        ("Presale:Storage:Tables:1", "OtherTable"),
        ("Presale:Storage:RetryDelay", "00:00:02"),
        ("Presale:Compensation:Tiers:0:FromDayLate", "1"),
        ("Presale:Compensation:Tiers:0:PercentPerPeriod", "2.5"),
        ("Presale:Compensation:Tiers:1:FromDayLate", "15"),
        ("Presale:Compensation:Tiers:1:Minimum", "7"),
        ("Presale:Compensation:PreviousConsentLinkKeys:0", Convert.ToBase64String(Enumerable.Range(201, 32).Select(i => (byte)i).ToArray())),
        ("Presale:Compensation:SweepTimeBudget", "00:04:00"),
        ("Presale:Suppliers:PreviousSecretEncryptionKeys:0", Convert.ToBase64String(Enumerable.Range(51, 32).Select(i => (byte)i).ToArray())),
        ("Presale:Returns:WindowDaysByCategory:Electronics", "30"),
        ("Presale:Returns:WindowDaysByCategory:toys", "14"),
        ("Presale:Returns:WarrantyDaysByCategory:Furniture", "730"),
        ("Presale:Returns:NonReturnableCategories:0", "Food"),
        ("Presale:Returns:NonReturnableSkus:0", "SKU-GIFTCARD"),
        ("Presale:Returns:NonReturnableSkus:1", "SKU-SAMPLE"),
        ("Presale:Returns:Rules:0:Name", "pricey"),
        ("Presale:Returns:Rules:0:Priority", "10"),
        ("Presale:Returns:Rules:0:Action", "ManualReview"),
        ("Presale:Returns:Rules:0:When:MinUnitValue", "250"),
        ("Presale:Returns:Rules:1:Name", "sealed"),
        ("Presale:Returns:Rules:1:Priority", "20"),
        ("Presale:Returns:Rules:1:Action", "Restock"),
        ("Presale:Returns:Rules:1:When:grade", "A"),
        ("Presale:Returns:RestockingFees:0:Name", "opened"),
        ("Presale:Returns:RestockingFees:0:Grades:0", "B"),
        ("Presale:Returns:RestockingFees:0:Grades:1", "C"),
        ("Presale:Returns:RestockingFees:0:Reasons:0", "ChangedMind"),
        ("Presale:Returns:RestockingFees:0:FeePercent", "10"),
        ("Presale:Returns:ReturnLabelCost", "4.50"),
        ("Presale:QueuePump:BatchSize", "8"),
    ];

    public static TheoryData<bool> Configurations() => new() { false, true };

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task EveryOptionsClass_BindsAsTheReflectionBinderDoes(bool withOverrides)
    {
        await using var app = new PresaleApp();
        if (withOverrides)
        {
            foreach (var (key, value) in Overrides)
            {
                app.With(key, value);
            }
        }

        var services = app.Services;
        Same<FunctionsHostOptions>(services, FunctionsHostOptions.SectionName);
        Same<ClockOptions>(services, ClockOptions.SectionName);
        Same<QueuePumpOptions>(services, QueuePumpOptions.SectionName);
        Same<StorageOptions>(services, StorageOptions.SectionName);
        Same<OrdersOptions>(services, OrdersOptions.SectionName);
        Same<SuppliersOptions>(services, SuppliersOptions.SectionName);
        Same<ReconciliationOptions>(services, ReconciliationOptions.SectionName);
        Same<NotificationsOptions>(services, NotificationsOptions.SectionName);
        Same<CompensationOptions>(services, CompensationOptions.SectionName);
        Same<PurchasingOptions>(services, PurchasingOptions.SectionName);
        Same<ReplenishmentOptions>(services, ReplenishmentOptions.SectionName);
        Same<AlertsOptions>(services, AlertsOptions.SectionName);
        Same<KpiOptions>(services, KpiOptions.SectionName);
        Same<ConsoleOptions>(services, ConsoleOptions.SectionName);
        Same<IntegrationEventsOptions>(services, IntegrationEventsOptions.SectionName);
        var returns = Same<ReturnsOptions>(services, ReturnsOptions.SectionName);

        // The maps keep their case-insensitive keys (a shop's category names come in any case).
        Assert.Equal(StringComparer.OrdinalIgnoreCase, returns.Generated.WindowDaysByCategory.Comparer);
        Assert.Equal(StringComparer.OrdinalIgnoreCase, returns.Generated.WarrantyDaysByCategory.Comparer);
        Assert.Equal(
            returns.Generated.Rules.Select(r => r.When.ContainsKey("MINUNITVALUE")),
            returns.Reflected.Rules.Select(r => r.When.ContainsKey("MINUNITVALUE")));
        if (withOverrides)
        {
            Assert.Equal(30, returns.Generated.WindowDaysByCategory["ELECTRONICS"]);
            Assert.Equal(2, returns.Generated.Rules.Count);
            Assert.Equal(2, services.GetRequiredService<IOptions<CompensationOptions>>().Value.Tiers.Count);
        }
    }

    // Where the two binders differ: the reflection binder drops a list entry it cannot read without a word (the shop
    // would run on tiers it did not configure); the generated one stops the start naming the entry and its value.
    [Fact]
    public async Task AListEntryThatCannotBeRead_StopsTheStartNamingIt()
    {
        await using var app = new PresaleApp()
            .With("Presale:Compensation:Tiers:0:FromDayLate", "1")
            .With("Presale:Compensation:Tiers:1:FromDayLate", "two weeks");

        var error = Record.Exception(() => app.Services);

        Assert.NotNull(error);
        Assert.Contains("Presale:Compensation:Tiers:1:FromDayLate", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("'two weeks'", error.ToString(), StringComparison.Ordinal);
    }

    // The app's binding: what the registrations Program.cs composes configure (the generated binders); the post-steps
    // (defaults from other settings, host.json) are left out on both sides, so only the binding is compared.
    private static (TOptions Generated, TOptions Reflected) Same<TOptions>(IServiceProvider services, string section)
        where TOptions : class, new()
    {
        var generated = new TOptions();
        var binders = services.GetServices<IConfigureOptions<TOptions>>().Where(c => c is not HostJsonQueueSettings).ToList();
        Assert.Single(binders);
        binders[0].Configure(generated);

        var reflected = new TOptions();
        services.GetRequiredService<IConfiguration>().GetSection(section).Bind(reflected);

        Assert.Equal(JsonSerializer.Serialize(reflected), JsonSerializer.Serialize(generated));
        return (generated, reflected);
    }
}
