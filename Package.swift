// swift-tools-version: 6.1
import PackageDescription

// One library target per stage of the data flow (see README "Architecture"):
// Load → Decode (with Schema) → Markdown → Assemble → Render → Emit, driven by Pipeline.
let package = Package(
  name: "Kirameki",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "kirameki", targets: ["kirameki"]),
    .executable(name: "kirameki-bench", targets: ["kirameki-bench"]),
    .executable(name: "kirameki-intake", targets: ["kirameki-intake"]),
    .library(name: "Pipeline", targets: ["Pipeline"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .target(name: "CSystemCalls"),
    .systemLibrary(name: "CLibdeflate", providers: [.apt(["libdeflate-dev"])]),
    .target(name: "Diagnostics"),
    .target(name: "Schema", dependencies: ["Diagnostics"]),
    .target(name: "Load", dependencies: ["Diagnostics", "Schema", "Yams"]),
    .target(name: "Decode", dependencies: ["Diagnostics", "Schema", "Load", "Yams"]),
    .target(name: "Markdown", dependencies: ["CCmarkGFM", "Diagnostics", "Schema"]),
    .target(name: "Assemble", dependencies: ["Diagnostics", "Schema", "Decode", "Markdown"]),
    .target(
      name: "Render",
      dependencies: [
        "Diagnostics", "Schema", "Decode", "Markdown", "Assemble", "Load",
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "Search",
      dependencies: [
        "CLibdeflate", "Schema", "Load", "Decode", "Markdown", "Assemble", "Render",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(name: "Feeds", dependencies: ["Schema", "Decode", "Load", "Markdown", "Assemble", "Render"]),
    .target(name: "Emit", dependencies: ["CSystemCalls", "Render"]),
    .target(
      name: "Pipeline",
      dependencies: [
        "Diagnostics", "Schema", "Load", "Decode", "Markdown", "Assemble", "Render", "Search", "Feeds", "Emit",
        "CSystemCalls", .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // Editors' tools: `kirameki check` (every diagnostic, links and anchors, without writing site/).
    .target(
      name: "Check",
      dependencies: ["Diagnostics", "Schema", "Load", "Decode", "Markdown", "Assemble", "Render", "Pipeline", "Yams"]
    ),
    // `kirameki serve`: live preview with incremental rebuilds.
    .target(
      name: "Preview",
      dependencies: [
        "Diagnostics", "Schema", "Load", "Decode", "Markdown", "Assemble", "Render", "Search", "Feeds", "Pipeline",
        .product(name: "Hummingbird", package: "hummingbird"),
      ]
    ),
    .target(
      name: "KiramekiCLI",
      dependencies: [
        "Pipeline", "Check", "Preview", "Diagnostics", "Schema", "Load",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // jemalloc instead of glibc's malloc: at 100k entries glibc's bins made allocation a sixth of
    // the Markdown stage (Debian's libjemalloc-dev; `FreedMemory.release` purges through it).
    .executableTarget(
      name: "kirameki", dependencies: ["KiramekiCLI"], linkerSettings: [.linkedLibrary("jemalloc")]),
    .target(name: "BenchCorpus", dependencies: ["Schema"]),
    .executableTarget(
      name: "kirameki-bench",
      dependencies: ["BenchCorpus", "Pipeline", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // kirameki-intake: submissions (forms, CSV, JSON, the receiver's spool) become content drafts.
    .target(name: "Intake", dependencies: ["Diagnostics", "Schema", "Load", "Decode", "Markdown", "Yams"]),
    .target(
      name: "IntakeServer",
      dependencies: ["Intake", "Schema", "Load", .product(name: "Hummingbird", package: "hummingbird")]
    ),
    .executableTarget(
      name: "kirameki-intake",
      dependencies: [
        "Intake", "IntakeServer", "Schema", "Load",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "LoadTests", dependencies: ["Load", "Diagnostics"]),
    .testTarget(name: "DecodeTests", dependencies: ["Decode", "Load", "Schema", "Diagnostics"]),
    .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "Schema"]),
    .testTarget(name: "AssembleTests", dependencies: ["Assemble", "Decode", "Markdown", "Load", "Schema"]),
    .testTarget(name: "RenderTests", dependencies: ["Render", "Assemble", "Decode", "Markdown", "Load", "Schema"]),
    .testTarget(
      name: "BenchCorpusTests",
      dependencies: ["BenchCorpus", "TestSupport", "Pipeline", "Diagnostics", "Schema", "Assemble"]),
    .testTarget(name: "SearchTests", dependencies: ["Search", "Assemble", "Decode", "Markdown", "Schema", "Render"]),
    .testTarget(name: "EmitTests", dependencies: ["Emit", "Render"]),
    .testTarget(
      name: "FeedsTests",
      dependencies: ["TestSupport", "Feeds", "Assemble", "Decode", "Markdown", "Load", "Schema", "Render"]),
    .testTarget(name: "IntakeTests", dependencies: ["Intake", "Schema", "Load", "Decode", "Diagnostics", "Pipeline"]),
    .testTarget(
      name: "IntakeServerTests",
      dependencies: [
        "IntakeServer", "Intake", "Schema", .product(name: "HummingbirdTesting", package: "hummingbird"),
      ],
      // Run by BrowserFormTests with python3, not compiled.
      exclude: ["form_browser_test.py"]
    ),
    // Helpers shared by the test targets (running external checkers).
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "CheckTests",
      dependencies: [
        "TestSupport", "Check", "KiramekiCLI", "Pipeline", "Diagnostics", "Schema", "Load", "Markdown",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "PreviewTests",
      dependencies: [
        "Preview", "Pipeline", "Diagnostics", "Schema", .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
    .testTarget(
      name: "PipelineTests",
      dependencies: [
        "TestSupport", "Pipeline", "Diagnostics", "Schema", "Render", "Load", "Emit",
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
