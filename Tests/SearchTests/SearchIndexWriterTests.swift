import Assemble
import Decode
import Foundation
import Load
import Markdown
import Render
import Schema
import Testing

@testable import Search

func searchPage(
  _ type: ContentType, _ id: String, title: String, body: String, date: String = "2026-10-01",
  fields: [String: FieldValue] = [:]
) -> (Entry, Document) {
  let day = LocalDate(iso: date) ?? LocalDate(daysSinceEpoch: 0)
  var all = fields
  all["title"] = .string(title)
  all["date"] = .date(day)
  let entry = Entry(
    type: type, id: id, language: .ja, path: "content/\(type.section)/\(id).ja.md", title: title, date: day,
    draft: false, fields: all, body: body, bodyLine: 1)
  return (entry, MarkdownRenderer.render(body, language: .ja))
}

@Suite struct SearchIndexWriterTests {
  let now = DateTime(iso: "2026-11-25T12:00:00+09:00") ?? DateTime(epochSeconds: 0, offsetSeconds: 0)

  func index() -> (SearchIndexWriter.Index, [String: Data]) {
    let config = SiteConfig(
      title: Labels(ja: "ハブ", en: "Hub"), tagline: Labels(ja: "", en: ""), baseURL: "https://x.example/",
      languages: [.ja], pageSize: 10, theme: "default")
    let (site, _) = Assembler.assemble(
      [
        searchPage(
          ContentTypes.need, "catheter", title: "小児用カテーテルの固定", body: "## 現状\n\n内視鏡下手術とカテーテル。",
          date: "2026-11-01",
          fields: [
            "kind": .string("clinical_need"), "status": .string("open"),
            "tech_areas": .list([.string("plastics_molding"), .string("advanced_materials")]),
          ]),
        searchPage(ContentTypes.guide, "qms", title: "QMS省令と ISO 13485", body: "ＩＳＯ１３４８５ の説明。", date: "2026-10-01"),
        searchPage(ContentTypes.news, "visit", title: "訪問", body: "ドイツを訪問しました。", date: "2026-09-01"),
      ], config: config, now: now)
    let written = SearchIndexWriter.write(site.pages.map(SearchDocument.analyze), now: now)
    var files: [String: Data] = [:]
    for file in written.files {
      if case .data(let data) = file.contents { files[file.path] = data }
    }
    return (written, files)
  }

  func json(_ data: Data?) -> Any? {
    guard let data else { return nil }
    let plain = Gzip.decompress(data) ?? data
    return try? JSONSerialization.jsonObject(with: plain)
  }

  @Test func manifestPointsAtContentHashedData() throws {
    let (written, files) = index()
    let manifestPath = String(written.manifestURL.dropFirst())
    #expect(manifestPath.hasPrefix("search/manifest.") && manifestPath.hasSuffix(".json"))
    let manifest = try #require(json(files[manifestPath]) as? [String: Any])
    #expect(manifest["version"] as? Int == 2)
    #expect(manifest["docs"] as? Int == 3)
    #expect(manifest["chunkSize"] as? Int == 8)
    let base = try #require(manifest["base"] as? String)
    #expect(base.hasPrefix("/search/") && base.count == "/search/".count + 11)
    #expect(files.keys.contains(String(base.dropFirst()) + "facets.json.gz"))
    #expect(files.keys.contains(String(base.dropFirst()) + "d/0.json.gz"))
  }

  @Test func postingsFindBigramsFullWidthTextAndSingleCharacters() throws {
    let (written, files) = index()
    let manifest = try #require(json(files[String(written.manifestURL.dropFirst())]) as? [String: Any])
    let base = String((manifest["base"] as? String ?? "").dropFirst())
    let shards = manifest["shards"] as? Int ?? 1
    func postings(_ token: String) -> [Int] {
      let file = files[base + "t/\(SearchText.bucket(of: token, shards: shards)).bin.gz"]
      let shard = file.flatMap(Gzip.decompress).flatMap { decodeShard([UInt8]($0)) }
      return shard?[token] ?? []
    }
    // Documents are numbered newest first: catheter 0, qms 1, visit 2.
    #expect(postings("てる").count == 2)
    #expect(postings("てる").first == 0)
    #expect(postings("13485").enumerated().filter { $0.offset % 2 == 0 }.map(\.element) == [1])
    #expect(postings("術").first == 0, "every character of a Japanese run is indexed alone")
    #expect(postings("術").count == 2)
    #expect(postings("鏡").count == 2)
    let weights = postings("内視").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    #expect(weights.allSatisfy { (1...255).contains($0) })
  }

  @Test func documentChunksAndFacetsDescribeEachResult() throws {
    let (written, files) = index()
    let manifest = try #require(json(files[String(written.manifestURL.dropFirst())]) as? [String: Any])
    let base = String((manifest["base"] as? String ?? "").dropFirst())
    let docs = try #require(json(files[base + "d/0.json.gz"]) as? [[String: String]])
    #expect(docs.map { $0["u"] ?? "" } == ["/needs/catheter/", "/guides/qms/", "/news/visit/"])
    #expect(docs.first?["y"] == "need")
    let facets = try #require(json(files[base + "facets.json.gz"]) as? [String: Any])
    let type = try #require(facets["type"] as? [String: Any])
    let values = type["values"] as? [String] ?? []
    let codes = [UInt8](Data(base64Encoded: type["docs"] as? String ?? "") ?? Data())
    #expect(codes.map { values[Int($0)] } == ["need", "guide", "news"])
    let tech = try #require(facets["tech"] as? [String: Any])
    let masks = Data(base64Encoded: tech["docs"] as? String ?? "") ?? Data()
    #expect(tech["bytes"] as? Int == 2, "14 technology areas fit in two bytes")
    #expect(masks.count == 6)
    let techValues = tech["values"] as? [String] ?? []
    let first = UInt32(masks[0]) | UInt32(masks[1]) << 8
    let set = techValues.indices.filter { first & (1 << UInt32($0)) != 0 }.map { techValues[$0] }
    #expect(set == ["advanced_materials", "plastics_molding"])
    let status = try #require(facets["status"] as? [String: Any])
    let statusValues = status["values"] as? [String] ?? []
    let statusCodes = [UInt8](Data(base64Encoded: status["docs"] as? String ?? "") ?? Data())
    #expect(statusValues[Int(statusCodes[0])] == "open")
    let labels = try #require(facets["labels"] as? [String: Any])
    #expect((labels["ja"] as? [String: Any])?["type"] as? [String: String] != nil)
  }

  @Test func outputIsDeterministic() {
    let (first, _) = index()
    let (second, _) = index()
    #expect(first.files == second.files)
  }
}
