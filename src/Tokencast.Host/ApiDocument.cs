using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tokencast.Host.Security;

namespace Tokencast.Host;

/// <summary>Completes the OpenAPI document: how to send a key, and numbers that may be null.</summary>
public static class ApiDocument
{
    private const string BearerScheme = "bearer";
    private const string HeaderScheme = "apiKey";

    /// <summary>Adds the document's title, its two ways of sending a key, and nullable doubles.</summary>
    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Tokencast";
            document.Info.Description = "Scenario bands of LLM inference spend: start runs, read their bands, and list them. "
                + "Every path needs a key with the viewer role. Paths that start or cancel runs, paths that set, remove "
                + "or run schedules, and the lever, what-if and sensitivity analyses need the planner role.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The key as a bearer token.",
                },
                [HeaderScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthentication.Header,
                    Description = "The key in a header.",
                },
            };
            document.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, document)] = [] },
            ];
            return Task.CompletedTask;
        });

        // Doubles go through WireJson's converter, which hides their type from the schema generator.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(double) && schema is OpenApiSchema concrete)
            {
                concrete.Type = JsonSchemaType.Number | JsonSchemaType.Null;
                concrete.Format = "double";
                concrete.Description ??= "A number, or null where it is not a number (a standard error over one trial).";
            }

            return Task.CompletedTask;
        });
    }
}
