// The baseline of the cold-start benchmark: the smallest ASP.NET Core app that answers a health probe, bound the way
// Presale's standalone mode binds (Presale__Host__Url, 127.0.0.1 and a free port).
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls(Environment.GetEnvironmentVariable("Presale__Host__Url") ?? "http://127.0.0.1:7071");
var app = builder.Build();
app.MapGet("/api/health", () => Results.Ok(new { status = "healthy" }));
app.Run();
