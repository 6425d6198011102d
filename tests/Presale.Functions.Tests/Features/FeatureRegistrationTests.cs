using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Presale.Adapters.IntegrationEvents;
using Presale.Functions.Host;
using Presale.Functions.Host.Storage;

namespace Presale.Functions.Tests.Features;

/// <summary>
/// One way to compose: every feature folder has its <c>&lt;Feature&gt;Registration.Add&lt;Feature&gt;</c>, and a feature
/// registers only its own services. A service two features need is registered by the one that owns it and only
/// depended on by the other; shared infrastructure (the clock, the random source, the storage and message ports) is
/// the host's. Found by reflection, so a feature added later is checked without anyone editing a list.
/// </summary>
public sealed class FeatureRegistrationTests
{
    private const string FeaturesNamespace = "Presale.Functions.Features.";

    [Fact]
    public void EveryFeatureFolderWithFunctions_HasItsRegistration()
    {
        var features = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(FeaturesNamespace, StringComparison.Ordinal) == true
                && t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .Select(t => t.Namespace![FeaturesNamespace.Length..])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(features);
        Assert.Equal(features, Registrations().Select(r => r.Feature).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoServiceType_IsRegisteredByTwoFeatures_OrByAFeatureAndTheHost()
    {
        var hostTypes = ServiceTypes(HostBuilder().Services);
        var owners = new Dictionary<Type, List<string>>();
        var problems = new List<string>();
        foreach (var (feature, add) in Registrations())
        {
            var builder = HostBuilder();
            var before = builder.Services.Count;
            add(builder);
            foreach (var type in ServiceTypes(builder.Services.Skip(before)))
            {
                if (hostTypes.Contains(type))
                {
                    problems.Add($"{feature} registers {type}, which the host parts register.");
                }

                owners.TryAdd(type, []);
                owners[type].Add(feature);
            }
        }

        problems.AddRange(owners.Where(o => o.Value.Count > 1).Select(o => $"{o.Key} is registered by {string.Join(" and ", o.Value)}."));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Every <c>public static IHostApplicationBuilder Add&lt;Feature&gt;(this IHostApplicationBuilder)</c> of a <c>Features.&lt;Feature&gt;.&lt;Feature&gt;Registration</c>.</summary>
    private static List<(string Feature, Action<IHostApplicationBuilder> Add)> Registrations() =>
    [
        .. typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(FeaturesNamespace, StringComparison.Ordinal) == true && t.Name == t.Namespace[FeaturesNamespace.Length..] + "Registration")
            .Select(t => (Feature: t.Namespace![FeaturesNamespace.Length..], Method: t.GetMethod("Add" + t.Namespace![FeaturesNamespace.Length..], BindingFlags.Public | BindingFlags.Static, [typeof(IHostApplicationBuilder)])))
            .Where(r => r.Method?.ReturnType == typeof(IHostApplicationBuilder))
            .Select(r => (r.Feature, (Action<IHostApplicationBuilder>)(builder => r.Method!.Invoke(null, [builder])))),
    ];

    /// <summary>A builder with the host parts registered as Program.cs registers them before the features.</summary>
    private static HostApplicationBuilder HostBuilder()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddPresaleHost(HostingMode.Resolve(builder.Configuration));
        builder.Services.AddPresaleStorage(builder.Configuration);
        builder.Services.AddIntegrationEvents(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// The service types of <paramref name="descriptors"/>, leaving out the contracts many contribute to by design: hosted
    /// services, and the framework's own options plumbing (start-up validation, HTTP client factory settings).
    /// </summary>
    private static HashSet<Type> ServiceTypes(IEnumerable<ServiceDescriptor> descriptors) =>
    [
        .. descriptors.Select(d => d.ServiceType).Where(t => t != typeof(IHostedService) && !IsFrameworkOptionsPlumbing(t)),
    ];

    private static bool IsFrameworkOptionsPlumbing(Type type) =>
        type.IsGenericType
        && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(IConfigureOptions<>) || definition == typeof(IPostConfigureOptions<>) || definition == typeof(IValidateOptions<>) || definition == typeof(IOptionsChangeTokenSource<>))
        && type.GetGenericArguments()[0].Assembly.GetName().Name?.StartsWith("Presale.", StringComparison.Ordinal) != true;
}
