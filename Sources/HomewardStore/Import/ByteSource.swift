import Foundation

/// Bytes of an import, read in chunks so that a large file or request body never sits whole in memory.
public final class ByteSource: @unchecked Sendable {
    private let nextChunk: () async throws -> [UInt8]?
    /// The whole size when known (a file), for progress.
    public let totalBytes: Int?

    public init(totalBytes: Int?, next: @escaping () async throws -> [UInt8]?) {
        self.totalBytes = totalBytes
        self.nextChunk = next
    }

    /// The next chunk, or `nil` at the end.
    public func next() async throws -> [UInt8]? { try await nextChunk() }

    /// Reads what is left and throws it away: a request body must be read to its end before it is answered.
    public func drain() async throws {
        while try await next() != nil {}
    }

    /// Reads what is left into memory, for inputs that are read whole (a JSON document).
    public func collect() async throws -> [UInt8] {
        var all: [UInt8] = []
        while let chunk = try await next() { all += chunk }
        return all
    }

    public static func bytes(_ bytes: [UInt8]) -> ByteSource {
        var sent = false
        return ByteSource(totalBytes: bytes.count) {
            if sent { return nil }
            sent = true
            return bytes
        }
    }

    /// The system's word for why a file could not be read ("Permission denied"), not Foundation's "(null)" domain dump.
    private static func reason(_ error: any Error) -> String {
        guard let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain else {
            return error.localizedDescription
        }
        return String(cString: strerror(Int32(underlying.code)))
    }

    /// A file read 1 MiB at a time; `-` is standard input.
    public static func file(_ path: String) throws -> ByteSource {
        let handle: FileHandle
        if path == "-" {
            handle = .standardInput
        } else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw StoreError.notFound("file \(path)") }
            guard !isFolder.boolValue else { throw StoreError.invalid(field: "file", value: path, reason: "a folder, not a file: name a file in it") }
            do {
                handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            } catch {
                throw StoreError.invalid(field: "file", value: path, reason: "cannot be read: \(Self.reason(error))")
            }
        }
        let size = path == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        return ByteSource(totalBytes: size) {
            do {
                guard let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else { return nil }
                return [UInt8](data)
            } catch {
                throw StoreError.invalid(field: "file", value: path, reason: "could not be read to its end: \(Self.reason(error))")
            }
        }
    }

    /// The chunks of an asynchronous sequence, such as an HTTP request's body, as they arrive.
    ///
    /// - Parameter observe: sees every chunk before the importer does (a digest of the body, a size limit).
    public static func stream<Chunks: AsyncSequence>(_ chunks: Chunks, bytes: @escaping (Chunks.Element) -> [UInt8],
                                                     observe: @escaping ([UInt8]) throws -> Void = { _ in }) -> ByteSource {
        let iterator = IteratorBox(chunks.makeAsyncIterator())
        return ByteSource(totalBytes: nil) {
            guard let element = try await iterator.next() else { return nil }
            let chunk = bytes(element)
            try observe(chunk)
            return chunk
        }
    }

    /// Holds a sequence's iterator, which an import reads from one task at a time.
    private final class IteratorBox<Iterator: AsyncIteratorProtocol>: @unchecked Sendable {
        var iterator: Iterator
        init(_ iterator: Iterator) { self.iterator = iterator }
        func next() async throws -> Iterator.Element? { try await iterator.next() }
    }
}
