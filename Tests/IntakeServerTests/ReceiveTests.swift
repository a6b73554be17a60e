import Foundation
import Hummingbird
import HummingbirdTesting
import Intake
import Testing

@testable import IntakeServer

@Suite struct ReceiveTests {
  @Test func formPostIsSpooledBeforeTheSuccessPage() async throws {
    let receiver = try TestReceiver()
    try await receiver.run { client in
      try await client.execute(uri: "/forms/need", method: .post, headers: formHeaders(), body: body(validNeed)) {
        response in
        #expect(response.status == .ok)
        // The record is on disk by the time the answer arrives.
        let records = try receiver.records()
        #expect(records.count == 1)
        let record = try receiver.record(records[0])
        #expect(text(response).contains(record.id))
        #expect(text(response).contains("送信を受け付けました"))
        #expect(text(response).contains("href=\"https://hub.example.org/\""))
      }
    }
    let name = try #require(try receiver.records().first)
    let record = try receiver.record(name)
    #expect(record.form == "need")
    #expect(record.contentType == "application/x-www-form-urlencoded")
    #expect(record.kiramekiSpool == SpoolRecord.formatVersion)
    #expect(
      record.fields.map(\.name) == ["title", "summary", "tech_areas", "tech_areas", "lang", "consent", "website"])
    #expect(record.fields.first?.value == "内視鏡の曇り")
    #expect(record.fields[1].value == "a b")
    #expect(record.fields.filter { $0.name == "tech_areas" }.map(\.value) == ["laser", "optics"])
    #expect(SubmissionID.isValid(record.id))
    #expect(name == SpoolWriter.fileName(for: record))
    #expect(record.receivedAt.hasSuffix("+09:00"))
    #expect(try receiver.allFiles() == [name], "no temporary file is left behind")
  }

  @Test func jsonPostAnswersWithTheID() async throws {
    let receiver = try TestReceiver()
    let json = #"{"title":"Seed","tech_areas":["laser","optics"],"capacity":40,"consent":true,"lang":"en","x":null}"#
    try await receiver.run { client in
      try await client.execute(
        uri: "/forms/seed", method: .post, headers: [.contentType: "application/json", .origin: siteOrigin],
        body: body(json)
      ) { response in
        #expect(response.status == .created)
        let reply = try JSONDecoder().decode([String: String].self, from: Data(buffer: response.body))
        let records = try receiver.records()
        #expect(records.count == 1)
        #expect(reply["id"] == (try receiver.record(records[0]).id))
      }
    }
    let record = try receiver.record(try #require(try receiver.records().first))
    #expect(record.form == "seed")
    #expect(record.contentType == "application/json")
    // JSON objects have no order: the form's field order is used, multi-selects repeat.
    #expect(
      record.fields.map { "\($0.name)=\($0.value)" } == [
        "title=Seed", "tech_areas=laser", "tech_areas=optics", "lang=en", "consent=true", "capacity=40",
      ])
  }

  @Test func multipartPostIsSpooled() async throws {
    let receiver = try TestReceiver()
    let boundary = "XyZ123"
    let parts = [("title", "光干渉"), ("tech_areas", "laser"), ("tech_areas", "optics"), ("consent", "on")]
    let multipart =
      parts.map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }.joined()
      + "--\(boundary)--\r\n"
    try await receiver.run { client in
      try await client.execute(
        uri: "/forms/company", method: .post,
        headers: [.contentType: "multipart/form-data; boundary=\(boundary)", .origin: siteOrigin], body: body(multipart)
      ) { response in
        #expect(response.status == .ok)
      }
    }
    let record = try receiver.record(try #require(try receiver.records().first))
    #expect(record.fields.map { "\($0.name)=\($0.value)" } == parts.map { "\($0.0)=\($0.1)" })
    #expect(record.contentType == "multipart/form-data")
  }

  @Test func honeypotPretendsSuccessButSpoolsNothing() async throws {
    let receiver = try TestReceiver()
    try await receiver.run { client in
      try await client.execute(
        uri: "/forms/need", method: .post, headers: formHeaders(),
        body: body("title=Buy+now&consent=yes&website=http%3A%2F%2Fspam.example")
      ) { response in
        #expect(response.status == .ok)
        #expect(text(response).contains("送信を受け付けました"))
      }
    }
    #expect(try receiver.allFiles() == [])
  }

  @Test func missingConsentIsRefusedAndNotSpooled() async throws {
    let receiver = try TestReceiver()
    try await receiver.run { client in
      try await client.execute(
        uri: "/forms/need", method: .post, headers: formHeaders(), body: body("title=x&lang=en")
      ) { response in
        #expect(response.status == .badRequest)
        #expect(text(response).contains("tick the consent box"))
      }
    }
    #expect(try receiver.allFiles() == [])
  }

  @Test func rateLimitAnswers429WithRetryAfter() async throws {
    let receiver = try TestReceiver(perMinute: 3)
    try await receiver.run { client in
      for _ in 0..<3 {
        try await client.execute(uri: "/forms/need", method: .post, headers: formHeaders(), body: body(validNeed)) {
          #expect($0.status == .ok)
        }
      }
      try await client.execute(uri: "/forms/need", method: .post, headers: formHeaders(), body: body(validNeed)) {
        response in
        #expect(response.status == .tooManyRequests)
        #expect(response.headers[.retryAfter] == "20")
        #expect(text(response).contains("短い時間に送信が集中しています"))
      }
    }
    #expect(try receiver.records().count == 3)
  }

  @Test func oversizedBodyAnswers413() async throws {
    let receiver = try TestReceiver(maxBody: 1024)
    let big = validNeed + "&body=" + String(repeating: "a", count: 2000)
    try await receiver.run { client in
      try await client.execute(uri: "/forms/need", method: .post, headers: formHeaders(), body: body(big)) {
        response in
        #expect(response.status == .contentTooLarge)
        #expect(text(response).contains("1 KiB"))
      }
    }
    #expect(try receiver.allFiles() == [])
  }

  @Test func foreignOrMissingOriginAnswers403() async throws {
    let receiver = try TestReceiver()
    try await receiver.run { client in
      try await client.execute(
        uri: "/forms/need", method: .post, headers: formHeaders(origin: "https://hub.example.org.evil.test"),
        body: body(validNeed)
      ) { #expect($0.status == .forbidden) }
      try await client.execute(
        uri: "/forms/need", method: .post, headers: formHeaders(origin: "null"), body: body(validNeed)
      ) { #expect($0.status == .forbidden) }
      try await client.execute(
        uri: "/forms/need", method: .post, headers: formHeaders(origin: nil), body: body(validNeed)
      ) { response in
        #expect(response.status == .forbidden)
        #expect(text(response).contains("送信元のページが分からない"))
      }
      var referred = formHeaders(origin: nil)
      referred[.referer] = "https://hub.example.org/forms/need/"
      try await client.execute(uri: "/forms/need", method: .post, headers: referred, body: body(validNeed)) {
        #expect($0.status == .ok, "a Referer from the site is enough")
      }
    }
    #expect(try receiver.records().count == 1)
  }

  @Test func missingOriginIsAcceptedWhenAllowed() async throws {
    let receiver = try TestReceiver(allowsMissingOrigin: true)
    try await receiver.run { client in
      try await client.execute(
        uri: "/forms/need", method: .post, headers: formHeaders(origin: nil), body: body(validNeed)
      ) { #expect($0.status == .ok) }
      try await client.execute(
        uri: "/forms/need", method: .post, headers: formHeaders(origin: "https://evil.test"), body: body(validNeed)
      ) { #expect($0.status == .forbidden, "a foreign origin is still refused") }
    }
    #expect(try receiver.records().count == 1)
  }

  @Test func unknownFormAndUnknownPathAnswer404Pages() async throws {
    let receiver = try TestReceiver()
    try await receiver.run { client in
      try await client.execute(uri: "/forms/../etc", method: .post, headers: formHeaders(), body: body(validNeed)) {
        #expect($0.status == .notFound)
      }
      try await client.execute(uri: "/forms/recipe", method: .post, headers: formHeaders(), body: body(validNeed)) {
        response in
        #expect(response.status == .notFound)
        #expect(text(response).contains("「recipe」という名前の投稿フォームはありません"))
      }
      try await client.execute(uri: "/admin", method: .get, headers: [.acceptLanguage: "en"]) { response in
        #expect(response.status == .notFound)
        #expect(text(response).contains("<html lang=\"en\">"))
        #expect(text(response).contains("Page not found"))
      }
    }
    #expect(try receiver.allFiles() == [])
  }

  @Test func errorPageLanguageFollowsTheLangFieldThenAcceptLanguage() async throws {
    let receiver = try TestReceiver()
    try await receiver.run { client in
      try await client.execute(
        uri: "/forms/need", method: .post, headers: formHeaders(language: "en-GB,en;q=0.9"), body: body("title=x")
      ) { response in
        #expect(response.status == .badRequest)
        let html = text(response)
        #expect(html.contains("<html lang=\"en\">"))
        // English first, Japanese below.
        let english = try #require(html.range(of: "The submission could not be accepted"))
        let japanese = try #require(html.range(of: "送信内容を受け付けられませんでした"))
        #expect(english.lowerBound < japanese.lowerBound)
      }
      try await client.execute(
        uri: "/forms/need", method: .post, headers: formHeaders(language: "en"), body: body("title=x&lang=ja")
      ) { response in
        #expect(text(response).contains("<html lang=\"ja\">"), "the form's own lang field wins")
      }
      try await client.execute(
        uri: "/forms/need", method: .post, headers: formHeaders(origin: "https://evil.test", language: "de-DE"),
        body: body(validNeed)
      ) { response in
        #expect(response.status == .forbidden)
        #expect(text(response).contains("<html lang=\"en\">"), "German readers get English")
        #expect(!text(response).contains("Error:"), "no stack trace or raw error")
      }
    }
  }

  @Test func badBodiesAnswer400Or415() async throws {
    let receiver = try TestReceiver()
    try await receiver.run { client in
      try await client.execute(
        uri: "/forms/need", method: .post, headers: [.contentType: "application/json", .origin: siteOrigin],
        body: body(#"{"title":{"nested":1},"consent":"yes"}"#)
      ) { response in
        #expect(response.status == .badRequest)
        #expect(text(response).contains("bad_submission"))
      }
      try await client.execute(
        uri: "/forms/need", method: .post, headers: formHeaders(), body: body("title=%FF%FE&consent=yes")
      ) { response in
        #expect(response.status == .badRequest)
        #expect(text(response).contains("UTF-8"))
      }
      try await client.execute(
        uri: "/forms/need", method: .post, headers: [.contentType: "text/plain", .origin: siteOrigin],
        body: body("hello")
      ) { #expect($0.status == .unsupportedMediaType) }
    }
    #expect(try receiver.allFiles() == [])
  }

  @Test func spoolFailureAnswers500WithoutDetails() async throws {
    let missing = try temporaryFolder() + "/gone"
    let receiver = try TestReceiver(spool: missing)
    try await receiver.run { client in
      try await client.execute(uri: "/forms/need", method: .post, headers: formHeaders(), body: body(validNeed)) {
        response in
        #expect(response.status == .internalServerError)
        #expect(text(response).contains("送信内容を保存できませんでした"))
        #expect(!text(response).contains(missing), "no paths or system errors shown to visitors")
      }
    }
  }

  @Test func healthReportsAWritableSpool() async throws {
    let receiver = try TestReceiver()
    try await receiver.run { client in
      try await client.execute(uri: "/healthz", method: .get) { response in
        #expect(response.status == .ok)
        let reply = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        #expect(reply?["status"] as? String == "ok")
        #expect(reply?["spool_writable"] as? Bool == true)
      }
    }
    let broken = try TestReceiver(spool: try temporaryFolder() + "/missing")
    try await broken.run { client in
      try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .serviceUnavailable) }
    }
  }

  @Test func getOnAFormRedirectsToTheSitesFormPage() async throws {
    let receiver = try TestReceiver()
    try await receiver.run { client in
      try await client.execute(uri: "/forms/seminar", method: .get) { response in
        #expect(response.status == .seeOther)
        #expect(response.headers[.location] == "https://hub.example.org/forms/seminar/")
      }
    }
  }
}
