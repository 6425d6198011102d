using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Presale.Functions.Invocation;

namespace Presale.Functions.Tests.Support;

/// <summary>A function that records each invocation and runs what the test gives it.</summary>
internal sealed class RecordingFunction(string name, Func<FunctionInvocation, CancellationToken, Task>? behaviour = null) : IFunction
{
    private readonly Channel<FunctionInvocation> _invocations = Channel.CreateUnbounded<FunctionInvocation>();

    public string Name => name;

    public async Task InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        _invocations.Writer.TryWrite(invocation);
        if (behaviour is not null)
        {
            await behaviour(invocation, cancellationToken);
        }
    }

    /// <summary>The next invocation (a guard timeout fails the test instead of hanging it).</summary>
    public async Task<FunctionInvocation> NextAsync() =>
        await _invocations.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Whether an invocation is waiting to be read.</summary>
    public bool HasPending => _invocations.Reader.TryPeek(out _);

    /// <summary>Registers this instance as a function of the app.</summary>
    public void Register(IServiceCollection services) => services.AddScoped<IFunction>(_ => this);
}
