import Foundation
import Intake
import Schema
import Testing

@testable import IntakeServer

@Suite struct PartsTests {
  @Test func tokenBucketRefillsOverTime() {
    let limiter = RateLimiter(perMinute: 2)
    #expect(limiter.allow("a", now: 0))
    #expect(limiter.allow("a", now: 0))
    #expect(!limiter.allow("a", now: 1))
    #expect(limiter.allow("b", now: 1), "each address has its own bucket")
    #expect(limiter.allow("a", now: 31), "one token back after 30 s at 2 a minute")
    #expect(!limiter.allow("a", now: 31))
    #expect(RateLimiter(perMinute: 0).allow("a", now: 0), "0 turns the limit off")
  }

  @Test func rateLimiterPrunesBucketsBeyondItsBound() {
    let limiter = RateLimiter(perMinute: 1, maxBuckets: 10)
    for index in 0..<50 { _ = limiter.allow("addr\(index)", now: 0) }
    #expect(limiter.allow("addr0", now: 0), "the flood of addresses did not keep every bucket")
  }

  @Test func originsAreComparedBySchemeHostAndPort() {
    #expect(OriginCheck.origin(of: "HTTPS://Hub.Example.org:443/forms/") == "https://hub.example.org")
    #expect(OriginCheck.origin(of: "http://localhost:8000/") == "http://localhost:8000")
    #expect(OriginCheck.origin(of: "null") == nil)
    #expect(OriginCheck.origin(of: "javascript:alert(1)") == nil)
    let allowed: Set = ["https://hub.example.org"]
    #expect(
      OriginCheck.verdict(origin: "https://hub.example.org", referer: nil, allowed: allowed, allowsMissing: false)
        == .allowed)
    #expect(
      OriginCheck.verdict(origin: "https://hub.example.org:8443", referer: nil, allowed: allowed, allowsMissing: true)
        == .foreign("https://hub.example.org:8443"))
    #expect(OriginCheck.verdict(origin: nil, referer: nil, allowed: allowed, allowsMissing: false) == .missing)
  }

  @Test func submissionIDsAreDatedRandomAndFileNameSafe() {
    let ids = (0..<200).map { _ in SubmissionID.make(date: "20261125") }
    #expect(Set(ids).count == ids.count)
    for id in ids {
      #expect(id.hasPrefix("20261125-"))
      #expect(id.count == 21)
      #expect(SubmissionID.isValid(id))
    }
    #expect(!SubmissionID.isValid("../x"))
  }

  @Test func receiptTimeIsJapanTime() {
    // 2026-11-20T14:59:59Z is one second before midnight in Japan, and then the next day.
    let time = ReceiptTime(Date(timeIntervalSince1970: 1_795_186_799))
    #expect(time.iso == "2026-11-20T23:59:59+09:00")
    #expect(time.compactDate == "20261120")
    #expect(ReceiptTime(Date(timeIntervalSince1970: 1_795_186_800)).iso == "2026-11-21T00:00:00+09:00")
  }

  @Test func spoolWriterNeverReplacesARecord() throws {
    let folder = try temporaryFolder()
    let writer = SpoolWriter(folder: folder)
    let record = SpoolRecord(
      id: "20261125-aaaaaaaaaaaa", form: "need", receivedAt: "2026-11-25T15:04:05+09:00",
      contentType: "application/json", fields: [SpoolField(name: "title", value: "一")])
    let path = try writer.write(record)
    #expect(path.hasSuffix("/20261125T150405-20261125-aaaaaaaaaaaa.json"))
    var changed = record
    changed.fields = [SpoolField(name: "title", value: "二")]
    #expect(throws: SpoolWriter.Failure.self) { try writer.write(changed) }
    let kept = try JSONDecoder().decode(SpoolRecord.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(kept == record)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [(path as NSString).lastPathComponent])
  }

  @Test func replyLanguageFromAcceptLanguage() {
    #expect(ReplyLanguage.choose(langField: nil, acceptLanguage: "en;q=0.5, ja;q=0.9") == .ja)
    #expect(ReplyLanguage.choose(langField: nil, acceptLanguage: "fr, en-US;q=0.8") == .en)
    #expect(ReplyLanguage.choose(langField: nil, acceptLanguage: nil) == .ja)
    #expect(ReplyLanguage.choose(langField: "de", acceptLanguage: "ja") == .en)
  }

  @Test func multipartFileUploadsAreRefused() {
    let body = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.exe\"\r\n\r\nMZ\r\n--b--\r\n"
    #expect(throws: SubmissionParseError.self) {
      try SubmissionParser.parse(Data(body.utf8), format: .multipart(boundary: "b"), form: IntakeForms.need)
    }
  }
}
