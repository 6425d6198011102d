using Presale.Functions.Composition;
using Presale.Functions.Health;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddPresaleStorage(builder.Configuration);
var app = builder.Build();

// The Functions host polls GET / until the handler answers.
app.MapGet("/", () => Results.Ok());
app.MapPresaleHealth();

app.Run();

/// <summary>The composition root; public so integration tests can host the app.</summary>
public partial class Program;
