namespace Tokencast.Core.Calibration;

/// <summary>
/// Reads the requests of one log file as observations. Rows without a feature get
/// <paramref name="defaultFeature"/>.
/// </summary>
/// <exception cref="InvalidInputException">The file is not a valid log.</exception>
public delegate IReadOnlyList<TokenObservation> TokenObservationReader(string path, string defaultFeature);
