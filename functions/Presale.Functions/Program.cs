using Presale.Functions.Composition;
using Presale.Functions.Health;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddPresaleStorage(builder.Configuration);
builder.Services.AddPresaleOrders();
var app = builder.Build();

// Answers the framework gives without a body (415 from content-type matching, 405, 404) become problem details too.
app.UseStatusCodePages();

// The Functions host polls GET / until the handler answers.
app.MapGet("/", () => Results.Ok());
app.MapPresaleHealth();
app.MapPresaleOrders();

app.Run();

/// <summary>The composition root; public so integration tests can host the app.</summary>
public partial class Program;
