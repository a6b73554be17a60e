/// What each Japanese device class means: its legal category, its usual route to market and its
/// rough EU MDR counterpart. The JP↔EU comparison on the site is generated from this table.
public struct DeviceClassInfo: Sendable, Hashable {
  /// A `jp_class` value.
  public var japan: String
  public var category: Labels
  /// `pathway` values, the usual one first.
  public var pathways: [String]
  /// `eu_class` values a comparable device most often falls into.
  public var europe: [String]
  public var examples: Labels
}

public enum DeviceClasses {
  /// Sources: 薬機法 Art. 2(5)–(7) and MHLW notice 薬食発第0720022号 (GHTF-based rules) for Japan;
  /// Regulation (EU) 2017/745 Annex VIII for the EU. The mapping is a rough GHTF-based guide:
  /// EU classes follow rules, so a device can land elsewhere (software under Rule 11, for one).
  public static let japan: [DeviceClassInfo] = [
    DeviceClassInfo(
      japan: "I", category: Labels(ja: "一般医療機器", en: "General medical device", de: "Allgemeines Medizinprodukt"),
      pathways: ["todokede"], europe: ["I", "Is", "Im", "Ir"],
      examples: Labels(ja: "鋼製小物、X線フィルム", en: "Steel instruments, X-ray film", de: "Stahlinstrumente, Röntgenfilm")),
    DeviceClassInfo(
      japan: "II", category: Labels(ja: "管理医療機器", en: "Controlled medical device", de: "Kontrolliertes Medizinprodukt"),
      pathways: ["ninsho", "shonin"], europe: ["IIa"],
      examples: Labels(
        ja: "電子内視鏡、超音波診断装置、電子体温計", en: "Electronic endoscopes, ultrasound scanners, thermometers",
        de: "Elektronische Endoskope, Ultraschallgeräte, Thermometer")),
    DeviceClassInfo(
      japan: "III",
      category: Labels(
        ja: "高度管理医療機器", en: "Specially controlled medical device", de: "Besonders kontrolliertes Medizinprodukt"),
      pathways: ["shonin", "ninsho"], europe: ["IIb"],
      examples: Labels(
        ja: "透析器、人工骨、人工呼吸器", en: "Dialysers, artificial bone, ventilators",
        de: "Dialysatoren, Knochenersatz, Beatmungsgeräte")),
    DeviceClassInfo(
      japan: "IV",
      category: Labels(
        ja: "高度管理医療機器", en: "Specially controlled medical device", de: "Besonders kontrolliertes Medizinprodukt"),
      pathways: ["shonin"], europe: ["III"],
      examples: Labels(
        ja: "ペースメーカー、人工心臓弁、ステントグラフト", en: "Pacemakers, heart valves, stent grafts",
        de: "Herzschrittmacher, Herzklappen, Stentgrafts")),
  ]
}
