var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();

// The Functions host polls GET / until the handler answers.
app.MapGet("/", () => Results.Ok());
app.MapGet("/api/health", () => Results.Ok(new { status = "healthy" }));

app.Run();

/// <summary>The composition root; public so integration tests can host the app.</summary>
public partial class Program;
