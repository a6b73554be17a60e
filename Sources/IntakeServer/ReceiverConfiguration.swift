import Foundation

/// Everything the receiver needs to run: where to spool, whom to trust, and its limits.
public struct ReceiverConfiguration: Sendable {
  /// The spool folder; every accepted submission becomes one JSON file in it.
  public var spoolFolder: String
  /// Origins (`https://hub.example.org`) a browser post may come from.
  public var allowedOrigins: Set<String>
  /// Accept posts that carry neither Origin nor Referer (scripts, curl).
  public var allowsMissingOrigin: Bool
  /// Submissions per minute from one address; 0 turns the limit off.
  public var submissionsPerMinute: Int
  /// The largest request body accepted, in bytes.
  public var maxBodyBytes: Int
  /// The site's own URL, ending in `/`, for the "back to the site" link.
  public var siteURL: String
  /// Take the client address from the last `X-Forwarded-For` entry (behind a reverse proxy).
  public var trustsForwardedFor: Bool

  public init(
    spoolFolder: String, allowedOrigins: [String], allowsMissingOrigin: Bool = false,
    submissionsPerMinute: Int = 10, maxBodyBytes: Int = 256 * 1024, siteURL: String,
    trustsForwardedFor: Bool = false
  ) {
    self.spoolFolder = spoolFolder
    self.allowedOrigins = Set(allowedOrigins.compactMap(OriginCheck.origin(of:)))
    self.allowsMissingOrigin = allowsMissingOrigin
    self.submissionsPerMinute = submissionsPerMinute
    self.maxBodyBytes = maxBodyBytes
    self.siteURL = siteURL.hasSuffix("/") ? siteURL : siteURL + "/"
    self.trustsForwardedFor = trustsForwardedFor
  }
}
