using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Presale.Adapters.Storage;
using Presale.Application.Common;
using Presale.Functions.Host.Http;

namespace Presale.Functions.Tests.Hosting;

/// <summary>
/// Under the Functions host an HTTP function runs within the storage budget, and storage that did not answer in time
/// or contention is answered 503 with Retry-After on the request, as in standalone mode; other failures, and every
/// failure of a function without an HTTP request, stay failures of the invocation.
/// </summary>
public sealed class RetryLaterWorkerMiddlewareTests
{
    [Fact]
    public async Task HttpFunction_RunsWithinTheBudget_AndStorageNotAnsweringIsAnswered503NamingIt()
    {
        var (middleware, http, context) = Arrange(http: true);
        TimeSpan? budgetSeen = null;

        await middleware.Invoke(context, async _ =>
        {
            // Inside the budget: a storage call that never answers ends when it does.
            var e = await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageBudget.RunAsync("Table storage", async ct =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return 0;
            }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
            budgetSeen = e.Budget;
            throw e;
        });

        Assert.Equal(TimeSpan.FromMilliseconds(200), budgetSeen);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http!.Response.StatusCode);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
        http.Response.Body.Position = 0;
        var problem = await JsonDocument.ParseAsync(http.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("urn:presale:problem:storage-unavailable", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("Table storage", problem.RootElement.GetProperty("dependency").GetString());
    }

    [Fact]
    public async Task HttpFunction_GivingUpUnderContention_IsAnswered503()
    {
        var (middleware, http, context) = Arrange(http: true);

        await middleware.Invoke(context, _ => throw new ContentionException(3));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http!.Response.StatusCode);
        Assert.Equal("1", http.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task OtherFailures_AndFunctionsWithoutARequest_StayFailuresOfTheInvocation()
    {
        var (middleware, _, context) = Arrange(http: true);
        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.Invoke(context, _ => throw new InvalidOperationException("a bug")));

        var (timerMiddleware, _, timer) = Arrange(http: false);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => timerMiddleware.Invoke(timer, _ => throw new StorageUnavailableException("Table storage", TimeSpan.FromSeconds(1))));
        var unbounded = CancellationToken.None;
        await timerMiddleware.Invoke(timer, async _ => unbounded = await StorageBudget.RunAsync("Table storage", ct => Task.FromResult(ct), CancellationToken.None));
        Assert.False(unbounded.CanBeCanceled);
    }

    private static (RetryLaterWorkerMiddleware Middleware, DefaultHttpContext? Http, FunctionContext Context) Arrange(bool http)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = new RetryLaterExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<RetryLaterExceptionHandler>.Instance);
        var options = Options.Create(new StorageOptions { RequestBudget = TimeSpan.FromMilliseconds(200) });
        var httpContext = http ? new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } } : null;
        return (new RetryLaterWorkerMiddleware(handler, options, TimeProvider.System), httpContext, new TestFunctionContext(httpContext));
    }

    /// <summary>
    /// A function invocation as the worker gives it to middleware; with ASP.NET Core integration the request's
    /// HttpContext is in <see cref="FunctionContext.Items"/> under the key the worker's <c>GetHttpContext</c> reads.
    /// </summary>
    private sealed class TestFunctionContext : FunctionContext
    {
        public TestFunctionContext(HttpContext? http)
        {
            if (http is not null)
            {
                Items["HttpRequestContext"] = http;
            }
        }

        public override string InvocationId => "invocation-1";

        public override string FunctionId => "function-1";

        public override TraceContext TraceContext => throw new NotSupportedException();

        public override BindingContext BindingContext => throw new NotSupportedException();

        public override RetryContext RetryContext => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; } = new ServiceCollection().BuildServiceProvider();

        public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override IInvocationFeatures Features => throw new NotSupportedException();
    }
}
