/// The files around the content: the site configuration, the needle list and the theme link.
enum SiteFiles {
  static func configuration(_ options: CorpusOptions) -> String {
    """
    # Synthetic benchmark corpus: kirameki-bench corpus --entries \(options.entries) --seed \(options.seed)
    title:
      ja: きらめきベンチマーク・ハブ
      en: Kirameki Benchmark Hub
      de: Kirameki-Benchmark-Hub
    tagline:
      ja: 医療ものづくりハブの構造をまねた合成コーパスです。
      en: A synthetic corpus shaped like the medical-monozukuri hub.
      de: Ein synthetischer Korpus nach dem Vorbild des Medizintechnik-Hubs.
    base_url: https://bench.example.org/
    languages: [ja, en, de]
    page_size: 20
    theme: default

    """
  }

  /// `doc_url<TAB>kind<TAB>variant_name<TAB>query`, one line per query, needles by URL; the
  /// variant `exact` is the phrase as written.
  static func needles(_ needles: [PlantedNeedle]) -> String {
    var text = ""
    for planted in needles {
      for variant in planted.needle.variants {
        text += "\(planted.url)\t\(planted.needle.kind.rawValue)\t\(variant.name)\t\(variant.query)\n"
      }
    }
    return text
  }

  /// `ROOT/themes` → the themes folder, so `kirameki build --root ROOT` finds `themes/default`.
  /// A previous link is replaced; a real folder is left alone.
  static func linkThemes(root: String, themes: String) throws(FileSink.Failure) {
    let link = root + "/themes"
    switch FileSink.kind(link) {
    case .symlink: try FileSink.remove(link)
    case .missing: break
    case .file, .directory: return
    }
    try FileSink.symlink(FileSink.absolute(themes), at: link)
  }
}
