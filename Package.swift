// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Homeward",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "homeward", targets: ["homeward"]),
        .library(name: "HomewardCore", targets: ["HomewardCore"]),
        .library(name: "HomewardStore", targets: ["HomewardStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
    ],
    targets: [
        // Pure domain: values, rules, aggregation, planning. Foundation only, no I/O.
        .target(name: "HomewardCore"),
        // One SQL layer (SQLKit) over SQLite and PostgreSQL: migrations, queries, imports.
        .target(
            name: "HomewardStore",
            dependencies: [
                "HomewardCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/reference")]
        ),
        // The command-line tool.
        .executableTarget(
            name: "homeward",
            dependencies: [
                "HomewardCore",
                "HomewardStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "HomewardCoreTests", dependencies: ["HomewardCore"]),
        .testTarget(
            name: "HomewardStoreTests",
            dependencies: ["HomewardStore", "HomewardCore", .product(name: "PostgresKit", package: "postgres-kit")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "homewardTests", dependencies: ["homeward"]),
    ]
)
