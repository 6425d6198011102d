using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Composition;

/// <summary>
/// The returns settings are checked when the app starts: bad rules or fees stop it, naming the setting. The app is
/// composed by Program.cs itself (<see cref="PresaleApp"/>), so a feature whose validation is not wired in fails here.
/// </summary>
public sealed class ReturnsCompositionTests
{
    private const string Rules = "Presale:Returns:Rules";
    private const string Fees = "Presale:Returns:RestockingFees";

    public static TheoryData<string, (string Key, string? Value)[], string[]> InvalidSettings() => new()
    {
        {
            "unknown action",
            [($"{Rules}:0:Name", "explode"), ($"{Rules}:0:Priority", "10"), ($"{Rules}:0:Action", "Explode")],
            [$"{Rules}: Rules[0] 'explode': unknown action 'Explode'"]
        },
        {
            "unknown condition",
            [($"{Rules}:0:Name", "red"), ($"{Rules}:0:Priority", "10"), ($"{Rules}:0:Action", "Scrap"), ($"{Rules}:0:When:colour", "red")],
            [$"{Rules}: Rules[0] 'red': unknown condition 'colour'"]
        },
        {
            "bad condition value",
            [($"{Rules}:0:Name", "pricey"), ($"{Rules}:0:Priority", "10"), ($"{Rules}:0:Action", "ManualReview"), ($"{Rules}:0:When:minUnitValue", "lots")],
            [$"{Rules}: Rules[0] 'pricey': condition 'minUnitValue' must be a number"]
        },
        {
            "min above max",
            [($"{Rules}:0:Name", "band"), ($"{Rules}:0:Priority", "10"), ($"{Rules}:0:Action", "Restock"), ($"{Rules}:0:When:minUnitValue", "50"), ($"{Rules}:0:When:maxUnitValue", "10")],
            [$"{Rules}: Rule 'band': minUnitValue 50 is above maxUnitValue 10"]
        },
        {
            "duplicate priority",
            [
                ($"{Rules}:0:Name", "sealed"), ($"{Rules}:0:Priority", "10"), ($"{Rules}:0:Action", "Restock"), ($"{Rules}:0:When:grade", "A"),
                ($"{Rules}:1:Name", "opened"), ($"{Rules}:1:Priority", "10"), ($"{Rules}:1:Action", "Refurbish"), ($"{Rules}:1:When:grade", "B"),
            ],
            [$"{Rules}: Priority 10 is shared by rules 'sealed', 'opened'"]
        },
        {
            "a rule that rejects",
            [($"{Rules}:0:Name", "no-damaged"), ($"{Rules}:0:Priority", "10"), ($"{Rules}:0:Action", "Reject"), ($"{Rules}:0:When:grade", "D")],
            [$"{Rules}: Rule 'no-damaged': Reject is a reviewer's decision"]
        },
        {
            "keep-it with a grade",
            [($"{Rules}:0:Name", "keep-sealed"), ($"{Rules}:0:Priority", "10"), ($"{Rules}:0:Action", "KeepIt"), ($"{Rules}:0:When:grade", "A")],
            [$"{Rules}: Rule 'keep-sealed': a KeepIt rule is decided at intake"]
        },
        {
            "restocking fee out of range and unknown grade",
            [($"{Fees}:0:Name", "opened"), ($"{Fees}:0:Grades:0", "Z"), ($"{Fees}:0:FeePercent", "150")],
            [$"{Fees}:0: Grades: 'Z' is not a grade", $"{Fees}:0: FeePercent must be between 0 and 100, not 150"]
        },
        {
            "restocking fee without a name or with an unknown reason",
            [($"{Fees}:0:Reasons:0", "Bored"), ($"{Fees}:0:FeePercent", "10")],
            [$"{Fees}:0: Name is required", $"{Fees}:0: Reasons: 'Bored' is not a return reason"]
        },
        {
            "negative label cost",
            [("Presale:Returns:ReturnLabelCost", "-1")],
            ["Presale:Returns:ReturnLabelCost must not be negative"]
        },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task Start_WithInvalidReturnsSettings_FailsNamingTheSetting(string scenario, (string Key, string? Value)[] settings, string[] expected)
    {
        var error = await StartAsync(settings);

        var validation = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("Presale.Application.Returns.ReturnsOptions", validation.OptionsType.FullName, StringComparison.Ordinal);
        Assert.All(expected, e => Assert.True(validation.Message.Contains(e, StringComparison.Ordinal), $"{scenario}: expected '{e}' in: {validation.Message}"));
    }

    // An entry the binder cannot read stops the start naming it (the reflection binder dropped it without a word).
    [Theory]
    [InlineData(Rules + ":0:Priority", "first")]
    [InlineData(Fees + ":0:FeePercent", "lots")]
    [InlineData("Presale:Returns:WindowDaysByCategory:electronics", "two weeks")]
    [InlineData("Presale:Returns:WarrantyDaysByCategory:toys", "1.5")]
    public async Task Start_WithAnEntryTheBinderCannotRead_FailsNamingIt(string key, string value)
    {
        var siblings = key.StartsWith(Rules, StringComparison.Ordinal)
            ? new (string, string?)[] { ($"{Rules}:0:Name", "x"), ($"{Rules}:0:Action", "Restock") }
            : key.StartsWith(Fees, StringComparison.Ordinal) ? [($"{Fees}:0:Name", "opened")] : [];

        var error = await StartAsync([(key, value), .. siblings]);

        Assert.NotNull(error);
        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithALabelCostThatIsNotANumber_FailsNamingTheSetting()
    {
        var error = await StartAsync(("Presale:Returns:ReturnLabelCost", "cheap"));

        Assert.NotNull(error);
        Assert.Contains("Presale:Returns:ReturnLabelCost", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithValidRulesAndFees_Starts()
    {
        var error = await StartAsync(
            ($"{Rules}:0:Name", "pricey"), ($"{Rules}:0:Priority", "10"), ($"{Rules}:0:Action", "ManualReview"), ($"{Rules}:0:When:minUnitValue", "250"),
            ($"{Rules}:1:Name", "sealed"), ($"{Rules}:1:Priority", "20"), ($"{Rules}:1:Action", "Restock"), ($"{Rules}:1:When:grade", "A"),
            ($"{Fees}:0:Name", "opened"), ($"{Fees}:0:Grades:0", "B"), ($"{Fees}:0:FeePercent", "10"),
            ("Presale:Returns:ReturnLabelCost", "4.50"));

        Assert.Null(error);
    }

    [Fact]
    public async Task Start_WithoutALabelCost_SaysKeepItIsOff_AndWithOneSaysItIsOn()
    {
        var off = await StartupLinesAsync(null);
        var on = await StartupLinesAsync("4.50");

        Assert.Contains(off, l => l.Contains("keep-it (refund without return) is off because Presale:Returns:ReturnLabelCost is not set", StringComparison.Ordinal));
        Assert.DoesNotContain(on, l => l.Contains("is off", StringComparison.Ordinal));
        Assert.Contains(on, l => l.Contains("keep-it is on (rules keep-it-low-value)", StringComparison.Ordinal) && l.Contains("4.5", StringComparison.Ordinal));
    }

    // Starts the app as composed by Program.cs with these settings; returns what start-up threw, or null.
    private static async Task<Exception?> StartAsync(params (string Key, string? Value)[] settings)
    {
        var app = new PresaleApp();
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }

        try
        {
            _ = app.Services;
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return exception;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static async Task<IReadOnlyList<string>> StartupLinesAsync(string? labelCost)
    {
        var lines = new ConcurrentQueue<string>();
        await using var app = new PresaleApp()
            .With("Presale:Returns:ReturnLabelCost", labelCost)
            .WithServices(s => s.AddSingleton<ILoggerProvider>(new LineProvider(lines)));
        using var client = app.CreateClient();
        return [.. lines];
    }

    private sealed class LineProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) =>
            categoryName.EndsWith("ReturnsStartupCheck", StringComparison.Ordinal) ? new Lines(lines) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Lines(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
