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
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        // Debian's libwslay-dev ships no pkg-config file: the header is in /usr/include/wslay.
        .systemLibrary(
            name: "CWslay",
            providers: [.apt(["libwslay-dev"])]
        ),
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),

        // Debian ships no pkg-config file for libharu: the header is /usr/include/hpdf.h.
        .systemLibrary(
            name: "CHaru",
            providers: [.apt(["libhpdf-dev"])]
        ),
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
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
        // Test tool: drives the GraphQL engine from the Python conformance suite.
        .executableTarget(
            name: "graphql-conformance",
            dependencies: ["GraphQL"],
            path: "Sources/GraphQLConformance",
            swiftSettings: strict
        ),
        // Benchmark tool: `tools/bench graphql` runs it beside graphql-core.
        .executableTarget(
            name: "graphql-bench",
            dependencies: ["GraphQL"],
            path: "Sources/GraphQLBench",
            swiftSettings: strict
        ),
        .target(name: "GraphQL", swiftSettings: strict),
        .target(
            name: "HTTP", dependencies: ["CMicroHTTPD", "CWslay", "Ledger", "Logging"],
            swiftSettings: strict
        ),
        .target(
            name: "Identity",
            dependencies: ["Ledger", "CanonicalJSON", "Logging", "Domain", "CSodium"],
            swiftSettings: strict
        ),
        .target(
            name: "Projections",
            dependencies: ["Domain", "Ledger", "CanonicalJSON", "Logging", "CXLSXWriter"],
            swiftSettings: strict
        ),
        .target(
            name: "Webhooks",
            dependencies: [
                "Ledger", "Projections", "Domain", "CanonicalJSON", "Logging", "CCurl", "CSodium",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Audit",
            dependencies: ["Ledger", "CanonicalJSON", "Domain", "Logging", "CSodium"],
            swiftSettings: strict
        ),
        .target(
            name: "Documents",
            dependencies: ["Domain", "CHaru", "CQREncode"],
            swiftSettings: strict
        ),
        .target(
            name: "Inspection",
            dependencies: ["Domain", "Projections", "Ledger", "CanonicalJSON"],
            swiftSettings: strict
        ),
        .target(
            name: "Benchmarks",
            dependencies: ["Ledger", "CanonicalJSON", "CLMDB"],
            swiftSettings: strict
        ),
        .target(
            name: "API",
            dependencies: [
                "HTTP", "GraphQL", "Identity", "Ledger", "CanonicalJSON", "Logging", "Domain",
                "Projections", "Webhooks", "Audit", "Documents", "Inspection",
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "App",
            dependencies: [
                "Ledger", "CanonicalJSON", "Benchmarks", "Logging", "HTTP", "API", "Identity",
                "Projections", "Webhooks", "Audit", "Inspection", "Domain",
            ],
            swiftSettings: strict
        ),

        .testTarget(
            name: "CanonicalJSONTests",
            dependencies: ["CanonicalJSON"],
            swiftSettings: strict
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(
            name: "APITests",
            dependencies: [
                "API", "Identity", "Ledger", "Logging", "TestSupport", "Domain", "Projections",
                "GraphQL", "Inspection",
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "LoggingTests", dependencies: ["Logging"], swiftSettings: strict),
        .testTarget(
            name: "LedgerTests",
            dependencies: ["Ledger", "CanonicalJSON", "CLMDB", "Logging", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DomainTests",
            dependencies: ["Domain", "CanonicalJSON"],
            swiftSettings: strict
        ),
        .testTarget(name: "GraphQLTests", dependencies: ["GraphQL"], swiftSettings: strict),
        .testTarget(
            name: "HTTPTests",
            dependencies: ["HTTP", "Logging", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IdentityTests",
            dependencies: ["Identity", "Ledger", "CanonicalJSON", "Logging"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WebhooksTests",
            dependencies: ["Webhooks", "Ledger", "CanonicalJSON", "Logging", "Projections"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AuditTests",
            dependencies: ["Audit", "Ledger", "CanonicalJSON", "Logging"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DocumentsTests",
            dependencies: ["Documents", "Domain"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ProjectionsTests",
            dependencies: ["Projections", "Domain", "Ledger", "CanonicalJSON", "Logging"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InspectionTests",
            dependencies: ["Inspection", "Domain", "Projections", "Ledger", "CanonicalJSON"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
