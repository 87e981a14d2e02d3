namespace Tokencast.Core.Logs;

/// <summary>Outcome of a call as the log reports it. Failed calls with usage are still paid.</summary>
public enum RequestStatus
{
    /// <summary>The call succeeded, or the log has no status column.</summary>
    Success,

    /// <summary>The call failed.</summary>
    Failed,
}
