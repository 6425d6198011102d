using Presale.Application.Alerts;
using Presale.Application.Purchasing;
using Presale.Application.Replenishment;

namespace Presale.Application.Tests.Purchasing;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new PurchasingOptionsValidator().Validate(new PurchasingOptions()).IsValid);
        Assert.True(new ReplenishmentOptionsValidator().Validate(new ReplenishmentOptions()).IsValid);
        Assert.True(new AlertsOptionsValidator().Validate(new AlertsOptions()).IsValid);
    }

    [Fact]
    public void EveryBadSetting_IsNamedInItsMessage()
    {
        var purchasing = new PurchasingOptions
        {
            PurchasingTable = "9x",
            AcknowledgementDeadline = TimeSpan.FromMinutes(1),
            SettlementPeriod = (Domain.Purchasing.Settlement.SettlementPeriodKind)5,
            StatementCloseDelay = TimeSpan.FromDays(8),
            ClaimLookbackPeriods = 0,
            ResourcingToleranceDays = 61,
            ResourcingMinimumOrders = 0,
            SweepPageSize = 1001,
            FollowUpGrace = TimeSpan.Zero,
            MaxRequestBodyBytes = 100,
        };
        var replenishment = new ReplenishmentOptions { ServiceLevelZ = 6, DemandLookbackDays = 0, LeadTimePercentile = 0, LeadTimeLookbackLots = 2, LeadTimeMinimumLots = 3, DefaultLeadTimeDays = -1 };
        var alerts = new AlertsOptions { AlertsTable = "a" };

        var messages = new PurchasingOptionsValidator().Validate(purchasing).Errors.Select(e => e.ErrorMessage)
            .Concat(new ReplenishmentOptionsValidator().Validate(replenishment).Errors.Select(e => e.ErrorMessage))
            .Concat(new AlertsOptionsValidator().Validate(alerts).Errors.Select(e => e.ErrorMessage))
            .ToList();

        foreach (var setting in new[]
        {
            "Presale:Purchasing:PurchasingTable", "Presale:Purchasing:AcknowledgementDeadline", "Presale:Purchasing:SettlementPeriod",
            "Presale:Purchasing:StatementCloseDelay", "Presale:Purchasing:ClaimLookbackPeriods", "Presale:Purchasing:ResourcingToleranceDays",
            "Presale:Purchasing:ResourcingMinimumOrders", "Presale:Purchasing:SweepPageSize", "Presale:Purchasing:FollowUpGrace", "Presale:Purchasing:MaxRequestBodyBytes",
            "Presale:Replenishment:ServiceLevelZ", "Presale:Replenishment:DemandLookbackDays", "Presale:Replenishment:LeadTimePercentile",
            "Presale:Replenishment:LeadTimeMinimumLots", "Presale:Replenishment:DefaultLeadTimeDays",
            "Presale:Alerts:AlertsTable",
        })
        {
            Assert.Contains(messages, m => m.StartsWith(setting + " ", StringComparison.Ordinal));
        }
    }
}
