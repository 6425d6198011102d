namespace Presale.Functions.Invocation;

/// <summary>
/// Collects what any <see cref="ILogger"/> writes while an invocation runs (on its async flow), so the response can
/// hand the lines to the Functions host in <see cref="InvocationResponse.Logs"/>.
/// </summary>
public sealed class InvocationLogCapture : ILoggerProvider
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    /// <summary>Starts collecting for the current async flow; dispose the result to stop.</summary>
    public static Scope Begin()
    {
        var lines = new List<string>();
        Current.Value = lines;
        return new Scope(lines);
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>The lines captured for one invocation.</summary>
    public sealed class Scope : IDisposable
    {
        private readonly List<string> _lines;

        internal Scope(List<string> lines) => _lines = lines;

        /// <summary>A snapshot of the lines so far.</summary>
        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        /// <inheritdoc />
        public void Dispose() => Current.Value = null;
    }

    private sealed class CapturingLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && Current.Value is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Current.Value is not { } lines || !IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{logLevel}: [{category}] {formatter(state, exception)}";
            if (exception is not null)
            {
                line += $" {exception.GetType().Name}: {exception.Message}";
            }

            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}
