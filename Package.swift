// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Homeward",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "homeward", targets: ["homeward"]),
        .executable(name: "homeward-bench", targets: ["homeward-bench"]),
        .library(name: "HomewardCore", targets: ["HomewardCore"]),
        .library(name: "HomewardStore", targets: ["HomewardStore"]),
        .library(name: "HomewardServer", targets: ["HomewardServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-async-algorithms.git", from: "1.1.4"),
    ],
    targets: [
        // Pure domain: values, rules, aggregation, planning. Foundation only, no I/O.
        // Catalogue files (every label shown to people, per language) are its resources.
        .target(name: "HomewardCore", resources: [.copy("Resources/catalogue")]),
        // One SQL layer (SQLKit) over SQLite and PostgreSQL: migrations, queries, imports.
        .target(
            name: "HomewardStore",
            dependencies: [
                "HomewardCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // Passwords (bcrypt) and token digests (SHA-256): maintained libraries, not hand-written hashing.
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/reference")]
        ),
        // The HTTP API (described by openapi.yaml), the overview page and /metrics.
        .target(
            name: "HomewardServer",
            dependencies: [
                "HomewardCore",
                "HomewardStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                // The API's contract is read, not copied: each route's documented query parameters come from it.
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("openapi.yaml"), .copy("Resources/templates")]
        ),
        // The command-line tool.
        .executableTarget(
            name: "homeward",
            dependencies: [
                "HomewardCore",
                "HomewardStore",
                "HomewardServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks against baselines in the same run, and the generator of their data.
        .executableTarget(
            name: "homeward-bench",
            dependencies: [
                "HomewardCore",
                "HomewardStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "HomewardCoreTests", dependencies: ["HomewardCore"]),
        // Fresh databases for tests on SQLite and PostgreSQL; used by test targets only.
        .target(
            name: "HomewardTestSupport",
            dependencies: ["HomewardStore", "HomewardCore", .product(name: "PostgresKit", package: "postgres-kit")]
        ),
        .testTarget(
            name: "HomewardStoreTests",
            dependencies: ["HomewardStore", "HomewardCore", "HomewardTestSupport",
                           // A hash made as a password with a NUL once made one, which no rule lets in any more.
                           .product(name: "HummingbirdBcrypt", package: "hummingbird-auth")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "HomewardServerTests",
            dependencies: [
                "HomewardServer", "HomewardStore", "HomewardCore", "HomewardTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["Views/__Snapshots__"]
        ),
        .testTarget(name: "homewardTests", dependencies: ["homeward", "HomewardStore", "HomewardTestSupport"]),
    ]
)
