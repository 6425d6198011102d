using Presale.Testing;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
