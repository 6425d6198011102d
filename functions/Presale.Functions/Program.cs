using Presale.Functions.Composition;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddPresaleNotifications(builder.Configuration);
var app = builder.Build();

// The Functions host polls GET / until the handler answers.
app.MapGet("/", () => Results.Ok());
app.MapGet("/api/health", () => Results.Ok(new { status = "healthy" }));
app.MapPresaleNotifications();

app.Run();

/// <summary>The composition root; public so integration tests can host the app.</summary>
public partial class Program;
