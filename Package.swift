// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: dedupbench (CLI) → DedupReport → DedupHarness → DedupPipeline → DeltaStorage.
let settings: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]

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
    ],
    targets: [
        // Debian's C libraries, linked through module maps (installed by `make setup`).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CSnappy", path: "Sources/CSnappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CXXHash", path: "Sources/CXXHash", providers: [.apt(["libxxhash-dev"])]),

        .target(name: "DeltaStorage", dependencies: ["CZlib", "CZstd", "CSnappy"], swiftSettings: settings),
        // S3 object store (SigV4, URLSession): kept apart so DeltaStorage stays Foundation-free.
        .target(name: "DeltaS3", dependencies: ["DeltaStorage", "CCrypto"], swiftSettings: settings),
        .target(
            name: "DedupPipeline",
            dependencies: [
                "DeltaStorage", "DeltaS3", "CCrypto", "CXXHash",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings),
        .target(name: "DedupHarness", dependencies: ["DedupPipeline"], swiftSettings: settings),
        .target(name: "DedupReport", dependencies: ["DedupHarness"], swiftSettings: settings),
        .executableTarget(
            name: "dedupbench",
            dependencies: [
                "DedupReport", "DedupHarness", "DedupPipeline", "DeltaStorage", "DeltaS3",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings),

        .testTarget(name: "DeltaStorageTests", dependencies: ["DeltaStorage"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DeltaS3Tests", dependencies: ["DeltaS3", "DedupPipeline"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DedupPipelineTests", dependencies: ["DedupPipeline"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DedupHarnessTests", dependencies: ["DedupHarness"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DedupReportTests", dependencies: ["DedupReport"], resources: [.copy("Fixtures")]),
    ]
)
