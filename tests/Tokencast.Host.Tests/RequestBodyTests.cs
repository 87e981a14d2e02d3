using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tokencast.Host.Tests;

/// <summary>Bodies that cannot be bound to a request: each gets problem details that name the field and the position.</summary>
public sealed class RequestBodyTests(RunningHost host) : IClassFixture<RunningHost>
{
    private const string Example = "\"example\":\"assistant-platform\"";

    // Lines and positions are those System.Text.Json records, counted from 1; positions are in UTF-8 bytes.
    [Theory]
    [InlineData("{" + Example + ",", "body: expected start of a property name or value, but instead reached end of data (line 1, position 32)")]
    [InlineData("{" + Example + ",\"trials\":\"many\"}", "trials: the JSON value could not be read as an integer from -2147483648 to 2147483647 (line 1, position 48)")]
    [InlineData("{" + Example + ",\"trials\":\"100\"}", "trials: the JSON value could not be read as an integer from -2147483648 to 2147483647 (line 1, position 47)")]
    [InlineData("{" + Example + ",\"trials\":1.5}", "trials: the JSON value could not be read as an integer from -2147483648 to 2147483647 (line 1, position 45)")]
    [InlineData("{" + Example + ",\"trials\":99999999999}", "trials: the JSON value could not be read as an integer from -2147483648 to 2147483647 (line 1, position 53)")]
    [InlineData("{" + Example + ",\"seed\":-1}", "seed: the JSON value could not be read as an integer from 0 to 18446744073709551615 (line 1, position 42)")]
    [InlineData("{" + Example + ",\"branches\":\"baseline\"}", "branches: the JSON value could not be read as an array of strings (line 1, position 54)")]
    [InlineData("{\"scenario\":\"name: x\"}", "scenario: the JSON value could not be read as an object with the fields name, text (line 1, position 22)")]
    [InlineData("[1,2]", "body: the JSON value could not be read as an object with the fields scenario, example, branches, trials, seed, blockSize, tolerance, stopWhenConverged (line 1, position 2)")]
    [InlineData("{\"tolerance\":NaN}", "tolerance: 'N' is an invalid start of a value (line 1, position 14)")]
    [InlineData("{" + Example + ",\"tolerance\":\"0.05\"}", "tolerance: the JSON value could not be read as a number (line 1, position 51)")]
    [InlineData("{" + Example + ",\"stopWhenConverged\":\"yes\"}", "stopWhenConverged: the JSON value could not be read as true or false (line 1, position 58)")]
    [InlineData("{\"exampel\":\"assistant-platform\"}", "exampel: is not a field of this request; the fields are scenario, example, branches, trials, seed, blockSize, tolerance, stopWhenConverged (line 1, position 12)")]
    [InlineData("{\"scenario\":{\"name\":\"x\",\"txt\":\"a\"}}", "scenario.txt: is not a field of this request; the fields are name, text (line 1, position 31)")]
    [InlineData("", "the request body is empty or null; send a JSON object")]
    [InlineData("null", "the request body is empty or null; send a JSON object")]
    public async Task StartRun_UnreadableBody_NamesPathAndPosition(string body, string detail)
    {
        var problem = await Problem(await Post("/api/runs", body));

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Validate_MalformedJson_NamesPosition()
    {
        var problem = await Problem(await Post("/api/scenarios/validate", "{\"name\":\"x.yaml\",\"text\":"));

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("text: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("(line 1, position 25)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownField_IsRejected()
    {
        var problem = await Problem(await Post("/api/scenarios/validate", "{\"name\":\"x.yaml\",\"text\":\"a: 1\",\"branch\":\"b\"}"));

        Assert.Equal(
            "branch: is not a field of this request; the fields are name, text (line 1, position 41)",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task StartRun_TextPlain_Returns415()
    {
        var response = await host.Client.PostAsync("/api/runs", new StringContent("{}", Encoding.UTF8, "text/plain"));
        var problem = await Problem(response);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(
            "the request body must be JSON; send it with Content-Type: application/json (sent: text/plain; charset=utf-8)",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task StartRun_NoContentType_Returns415()
    {
        var response = await host.Client.PostAsync("/api/runs", new ByteArrayContent("{}"u8.ToArray()));
        var problem = await Problem(response);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(
            "the request body must be JSON; send it with Content-Type: application/json (sent: none)",
            problem.GetProperty("detail").GetString());
    }

    private Task<HttpResponseMessage> Post(string path, string body) =>
        host.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
