namespace Presale.Functions.Invocation;

/// <summary>
/// A non-HTTP function (timer or queue trigger). Its <see cref="Name"/> is the folder holding its function.json; the
/// Functions host (or the standalone runner) invokes it with <c>POST /{Name}</c>. Throwing fails the invocation: the
/// endpoint answers non-2xx, so the host retries and finally dead-letters the message.
/// </summary>
public interface IFunction
{
    /// <summary>The function's name, equal to its function.json folder name.</summary>
    string Name { get; }

    /// <summary>Runs one invocation.</summary>
    Task InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken);
}
