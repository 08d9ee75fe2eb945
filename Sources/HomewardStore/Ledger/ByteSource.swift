import Foundation

/// Bytes of an import, read in chunks so that a large file never sits whole in memory.
public final class ByteSource: @unchecked Sendable {
    private let nextChunk: () throws -> [UInt8]?
    /// The whole size when known (a file), for progress.
    public let totalBytes: Int?

    public init(totalBytes: Int?, next: @escaping () throws -> [UInt8]?) {
        self.totalBytes = totalBytes
        self.nextChunk = next
    }

    /// The next chunk, or `nil` at the end.
    public func next() throws -> [UInt8]? { try nextChunk() }

    public static func bytes(_ bytes: [UInt8]) -> ByteSource {
        var sent = false
        return ByteSource(totalBytes: bytes.count) {
            if sent { return nil }
            sent = true
            return bytes
        }
    }

    /// A file read 1 MiB at a time; `-` is standard input.
    public static func file(_ path: String) throws -> ByteSource {
        let handle: FileHandle
        if path == "-" {
            handle = .standardInput
        } else {
            guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notFound("file \(path)") }
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        }
        let size = path == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        return ByteSource(totalBytes: size) {
            guard let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else { return nil }
            return [UInt8](data)
        }
    }
}
