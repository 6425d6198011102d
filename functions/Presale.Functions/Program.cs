using Presale.Adapters.IntegrationEvents;
using Presale.Functions.Apis;
using Presale.Functions.Composition;
using Presale.Functions.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddPresaleHost();

// Features register here, one line each (storage adapters, use cases, timer and queue functions).
builder.Services.AddPresaleStorage(builder.Configuration);
builder.Services.AddIntegrationEvents(builder.Configuration);
builder.AddSuppliers();
builder.Services.AddPresaleNotifications(builder.Configuration);
builder.Services.AddPresaleOrders();
builder.AddPresaleCompensation();
builder.Services.AddPresaleReturns();
builder.Services.AddPresaleReconciliation();

var app = builder.Build();
app.UsePresaleHost();

// Framework answers without a body (415 from content-type matching, 405) become problem details as well.
app.UseStatusCodePages();

// Feature routes map here, one line each.
app.MapSuppliersApi();
app.MapPresaleNotifications();
app.MapPresaleOrders();
app.MapPresaleCompensation();
app.MapPresaleReturns();
app.MapPresaleReconciliation();

app.Run();

/// <summary>The composition root; public so integration tests can host the app.</summary>
public partial class Program;
