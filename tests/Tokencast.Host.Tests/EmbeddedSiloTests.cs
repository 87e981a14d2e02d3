using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Tokencast.Host.Security;

namespace Tokencast.Host.Tests;

public sealed class EmbeddedSiloTests
{
    [Fact]
    public async Task TwoHosts_UseTheirOwnSiloPorts()
    {
        await using var first = Build();
        await using var second = Build();
        await first.StartAsync();
        await second.StartAsync();

        var firstPorts = Ports(first);
        var secondPorts = Ports(second);
        await second.StopAsync();
        await first.StopAsync();

        Assert.DoesNotContain(11111, firstPorts);
        Assert.DoesNotContain(30000, firstPorts);
        Assert.Empty(firstPorts.Intersect(secondPorts));
    }

    private static WebApplication Build() => WebHost.Build(new WebHostOptions
    {
        Urls = "http://127.0.0.1:0",
        Keys = [new ApiKey("planner", RunningHost.PlannerKey, ApiRole.Planner)],
    });

    private static int[] Ports(WebApplication app)
    {
        var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        return [endpoints.SiloPort, endpoints.GatewayPort];
    }
}
