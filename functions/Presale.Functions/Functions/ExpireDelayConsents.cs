using Presale.Application.DelayConsent;
using Presale.Functions.Invocation;

namespace Presale.Functions.Functions;

/// <summary>Timer function: cancels and refunds orders whose delay-consent deadline passed without consent.</summary>
public sealed partial class ExpireDelayConsents(ExpireDelayConsentsSweep sweep, ILogger<ExpireDelayConsents> logger) : IFunction
{
    /// <inheritdoc />
    public string Name => nameof(ExpireDelayConsents);

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var result = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, result.Expired, result.Finished, result.Published);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ExpireDelayConsents: {Expired} expired, {Finished} cancellations finished, {Published} notices published.")]
    private static partial void LogSwept(ILogger logger, int expired, int finished, int published);
}
