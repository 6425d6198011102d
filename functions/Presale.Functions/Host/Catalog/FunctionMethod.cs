using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Presale.Functions.Host.Catalog;

/// <summary>
/// The method behind a function (its <c>entryPoint</c>), and how standalone mode calls it: the declaring class is
/// created per invocation from the invocation's services (constructor injection, as the worker does), each parameter
/// is bound by <c>bind</c>, and the result awaited. Only what the Functions host can also supply may be asked for:
/// <see cref="HttpRequest"/>, <c>string</c> route or query values, <see cref="TimerInfo"/>, the queue message as a
/// <c>string</c>, <c>long dequeueCount</c> and <see cref="CancellationToken"/>; anything else is refused when the
/// method is resolved.
/// </summary>
public sealed class FunctionMethod
{
    /// <summary>The queue trigger's binding data for the message's delivery count.</summary>
    public const string DequeueCountParameter = "dequeueCount";

    private readonly ObjectFactory? _factory;
    private readonly PropertyInfo? _result;

    private FunctionMethod(FunctionDefinition definition, MethodInfo method)
    {
        Definition = definition;
        Method = method;
        Parameters = method.GetParameters();
        _factory = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);
        _result = method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? method.ReturnType.GetProperty(nameof(Task<object>.Result))
            : null;
    }

    /// <summary>The function.</summary>
    public FunctionDefinition Definition { get; }

    /// <summary>The method.</summary>
    public MethodInfo Method { get; }

    /// <summary>The method's parameters.</summary>
    public IReadOnlyList<ParameterInfo> Parameters { get; }

    /// <summary>Finds the method of <paramref name="definition"/>'s entry point in <paramref name="assembly"/>, else in another loaded assembly.</summary>
    /// <exception cref="InvalidOperationException">No such method, or it asks for a parameter the host cannot supply.</exception>
    public static FunctionMethod Resolve(FunctionDefinition definition, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(assembly);
        var dot = definition.EntryPoint.LastIndexOf('.');
        var typeName = dot > 0 ? definition.EntryPoint[..dot] : string.Empty;
        var type = assembly.GetType(typeName) ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        var method = type?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .SingleOrDefault(m => m.Name == definition.EntryPoint[(dot + 1)..] && m.GetCustomAttribute<FunctionAttribute>() is not null)
            ?? throw new InvalidOperationException($"Function {definition.Name}: entry point '{definition.EntryPoint}' is not a public [Function] method of {assembly.GetName().Name}.");
        var unsupported = method.GetParameters().Where(p => !IsSupported(definition, p)).Select(p => $"{p.ParameterType.Name} {p.Name}").ToArray();
        if (unsupported.Length > 0)
        {
            throw new InvalidOperationException(
                $"Function {definition.Name} asks for {string.Join(", ", unsupported)}: a function may take only what the Functions host and standalone mode both supply " +
                $"(HttpRequest and string route or query values; TimerInfo; the queue message as a string and long {DequeueCountParameter}; CancellationToken).");
        }

        if (method.ReturnType != typeof(Task) && method.ReturnType != typeof(Task<IResult>))
        {
            throw new InvalidOperationException($"Function {definition.Name} returns {method.ReturnType.Name}: return Task (timer, queue) or Task<IResult> (HTTP).");
        }

        return new FunctionMethod(definition, method);
    }

    /// <summary>Whether <paramref name="parameter"/> is something both the Functions host and standalone mode supply.</summary>
    public static bool IsSupported(FunctionDefinition definition, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(parameter);
        var type = parameter.ParameterType;
        return type == typeof(CancellationToken) || definition.Trigger switch
        {
            TriggerKind.Http => type == typeof(HttpRequest) || type == typeof(string),
            TriggerKind.Timer => type == typeof(TimerInfo),
            TriggerKind.Queue => (type == typeof(string) && parameter.Name == definition.BindingName) || (type == typeof(long) && parameter.Name == DequeueCountParameter),
            _ => false,
        };
    }

    /// <summary>Calls the method with each parameter bound by <paramref name="bind"/>; its result, or null for a plain Task.</summary>
    public async Task<object?> InvokeAsync(IServiceProvider services, Func<ParameterInfo, object?> bind)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(bind);
        var instance = _factory?.Invoke(services, null);
        try
        {
            var arguments = Parameters.Select(bind).ToArray();
            var task = (Task)Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null)!;
            await task.ConfigureAwait(false);
            return _result?.GetValue(task);
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
