// The baseline of the cold-start benchmark: the smallest ASP.NET Core app that answers a health probe, bound the way
// the Functions host binds a custom handler (127.0.0.1 and FUNCTIONS_CUSTOMHANDLER_PORT).
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls($"http://127.0.0.1:{Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT")}");
var app = builder.Build();
app.MapGet("/api/health", () => Results.Ok(new { status = "healthy" }));
app.Run();
