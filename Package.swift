// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way (README, "Layout"): dedupbench (CLI) → DedupReport → DedupHarness (price
// tables for the cost projection) → DedupPipeline → DeltaStorage → DedupFormats (JSON, CSV, located
// errors; no Foundation), with DedupYAML (the typed YAML layer over Yams) beside DeltaStorage. Every
// import is declared here; scripts/check-imports.sh (make lint, make test) fails on an undeclared one.
// Release builds keep overflow and bounds checks (no unchecked optimisation mode): published figures come from them.
let settings: [SwiftSetting] = []

let package = Package(
    name: "dedupbench",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dedupbench", targets: ["dedupbench"]),
        .library(name: "DeltaStorage", targets: ["DeltaStorage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // Debian's C libraries, linked through module maps (installed by `make setup`).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CSnappy", path: "Sources/CSnappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CXXHash", path: "Sources/CXXHash", providers: [.apt(["libxxhash-dev"])]),
        // One compiler builtin (__builtin_prefetch), header only: nothing to link or install.
        .systemLibrary(name: "CPrefetch", path: "Sources/CPrefetch"),

        .target(name: "DedupFormats", swiftSettings: settings),
        .target(
            name: "DedupYAML", dependencies: ["DedupFormats", .product(name: "Yams", package: "Yams")],
            swiftSettings: settings),
        .target(
            name: "DeltaStorage", dependencies: ["DedupFormats", "CZlib", "CZstd", "CSnappy"], swiftSettings: settings),
        // S3 object store (SigV4, URLSession): kept apart so DeltaStorage stays Foundation-free.
        .target(name: "DeltaS3", dependencies: ["DeltaStorage", "CCrypto"], swiftSettings: settings),
        .target(
            name: "DedupPipeline",
            dependencies: [
                "DeltaStorage", "DeltaS3", "DedupFormats", "DedupYAML", "CCrypto", "CXXHash", "CPrefetch",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings),
        .target(
            name: "DedupHarness",
            dependencies: ["DedupPipeline", "DeltaStorage", "DedupFormats", "DedupYAML", "CCrypto"],
            swiftSettings: settings),
        .target(
            name: "DedupReport", dependencies: ["DedupHarness", "DedupPipeline", "DedupFormats"], swiftSettings: settings),
        .target(
            name: "DedupServe",
            dependencies: [
                "DedupReport", "DedupHarness", "DedupPipeline", "DeltaStorage", "DedupFormats",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: settings),
        .executableTarget(
            name: "dedupbench",
            dependencies: [
                "DedupReport", "DedupHarness", "DedupPipeline", "DeltaStorage", "DeltaS3", "DedupFormats", "DedupServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings),

        .testTarget(name: "DedupFormatsTests", dependencies: ["DedupFormats", "DedupYAML"]),
        .testTarget(
            name: "DeltaStorageTests", dependencies: ["DeltaStorage", "DedupFormats"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DeltaS3Tests", dependencies: ["DeltaS3", "DedupPipeline", "DeltaStorage", "DedupFormats"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DedupPipelineTests", dependencies: ["DedupPipeline", "DeltaStorage", "DedupFormats"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DedupHarnessTests", dependencies: ["DedupHarness", "DedupPipeline", "DedupFormats"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DedupReportTests", dependencies: ["DedupReport", "DedupHarness", "DedupPipeline", "DedupFormats"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DedupServeTests", dependencies: ["DedupServe", "DedupReport", "DedupHarness", "DedupPipeline", "DedupFormats"]),
    ]
)
