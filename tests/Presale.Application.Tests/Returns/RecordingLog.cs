using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Presale.Application.Tests.Returns;

/// <summary>Records every log entry (level, rendered message, exception) of the loggers it hands out.</summary>
internal sealed class RecordingLog
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message, Exception? Error)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Message, Exception? Error)> Entries => [.. _entries];

    public ILogger<T> For<T>() => new Logger<T>(_entries);

    private sealed class Logger<T>(ConcurrentQueue<(LogLevel, string, Exception?)> entries) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
