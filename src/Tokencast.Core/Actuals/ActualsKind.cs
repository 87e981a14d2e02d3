namespace Tokencast.Core.Actuals;

/// <summary>Kind of file an import reads.</summary>
public enum ActualsKind
{
    /// <summary>A request log in CSV or JSON Lines, priced from its token counts.</summary>
    Log,

    /// <summary>A LiteLLM spend log (<c>LiteLLM_SpendLogs</c> rows), priced from its token counts.</summary>
    LiteLlm,

    /// <summary>A FinOps FOCUS billing export, read as billed cost.</summary>
    Focus,
}
