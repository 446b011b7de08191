// swift-tools-version:6.2
import PackageDescription

/// Every target builds in Swift 6 language mode with warnings treated as errors.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "bsd-ledger",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bsd-ledger", targets: ["App"])
    ],
    targets: [
        // C libraries from Debian, one system-library target each.
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),

        // Our modules, from the bottom up.
        .target(name: "CanonicalJSON", swiftSettings: strict),
        .target(name: "Logging", swiftSettings: strict),
        .target(
            name: "Ledger",
            dependencies: ["CLMDB", "CCrypto", "CanonicalJSON", "Logging"],
            swiftSettings: strict
        ),
        .target(name: "Domain", dependencies: ["CanonicalJSON"], swiftSettings: strict),
        .target(name: "GraphQL", swiftSettings: strict),
        .target(
            name: "Projections",
            dependencies: ["Domain", "Ledger", "CanonicalJSON", "Logging", "CXLSXWriter"],
            swiftSettings: strict
        ),
        .target(
            name: "Benchmarks",
            dependencies: ["Ledger", "CanonicalJSON", "CLMDB"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "App",
            dependencies: ["Ledger", "CanonicalJSON", "Benchmarks", "Logging", "Projections"],
            swiftSettings: strict
        ),

        .testTarget(
            name: "CanonicalJSONTests",
            dependencies: ["CanonicalJSON"],
            swiftSettings: strict
        ),
        .testTarget(name: "LoggingTests", dependencies: ["Logging"], swiftSettings: strict),
        .testTarget(
            name: "LedgerTests",
            dependencies: ["Ledger", "CanonicalJSON", "Logging"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DomainTests",
            dependencies: ["Domain", "CanonicalJSON"],
            swiftSettings: strict
        ),
        .testTarget(name: "GraphQLTests", dependencies: ["GraphQL"], swiftSettings: strict),
        .testTarget(
            name: "ProjectionsTests",
            dependencies: ["Projections", "Domain", "Ledger", "CanonicalJSON", "Logging"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
