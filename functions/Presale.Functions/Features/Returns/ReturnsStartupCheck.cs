using System.Globalization;
using Microsoft.Extensions.Options;
using Presale.Application.Returns;
using Presale.Domain.Returns.Triage;

namespace Presale.Functions.Features.Returns;

/// <summary>
/// At start: says whether keep-it (refund without return) can happen. It needs the shop's return label cost
/// (<c>Presale:Returns:ReturnLabelCost</c>), which has no default: Presale does not guess what a label costs, so until
/// the shop sets it keep-it rules never fire and no label is deducted from refunds.
/// </summary>
internal sealed partial class ReturnsStartupCheck(IOptions<ReturnsOptions> options, ILogger<ReturnsStartupCheck> logger) : IHostedService
{
    private const string Setting = ReturnsOptions.SectionName + ":" + nameof(ReturnsOptions.ReturnLabelCost);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var returns = options.Value;
        var keepItRules = returns.TriageRules().RuleSet?.Rules.Where(r => r.Action == TriageAction.KeepIt).Select(r => r.Name).ToArray() ?? [];
        if (returns.ReturnLabelCost is not { } cost)
        {
            LogKeepItOff(Setting);
        }
        else if (keepItRules.Length == 0)
        {
            LogNoKeepItRule(Setting, cost.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            LogKeepItOn(string.Join(", ", keepItRules), Setting, cost.ToString(CultureInfo.InvariantCulture));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Returns: keep-it (refund without return) is off because {Setting} is not set: keep-it rules never fire and no return label is deducted from refunds. " +
                  "Set it to what a return label costs the shop to turn both on.")]
    private partial void LogKeepItOff(string setting);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Returns: {Setting} is {Cost}: it is deducted from customer-at-fault refunds; no KeepIt rule is configured, so every unit is shipped back.")]
    private partial void LogNoKeepItRule(string setting, string cost);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Returns: keep-it is on (rules {Rules}): a unit is kept when shipping it back costs more than it is worth ({Setting} is {Cost}).")]
    private partial void LogKeepItOn(string rules, string setting, string cost);
}
