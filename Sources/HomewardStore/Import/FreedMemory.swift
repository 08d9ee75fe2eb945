#if canImport(Glibc)
import Glibc
#endif

/// Gives the memory an import has freed back to the system as it goes.
///
/// glibc keeps memory freed in the middle of its heaps, and an import's threads each fill heaps of their own with
/// rows that live for a moment: a 10,000,000-row import held 770 MB, of which the rows in flight, sums and key
/// hashes were under 200 MB. `malloc_trim` returns the free pages inside every heap. Looked up at run time, as
/// Swift's Glibc module does not declare it; elsewhere (macOS) this does nothing.
struct FreedMemory {
    /// Bytes of source read between two calls. Counted in bytes, not chunks: a request body comes in chunks of
    /// 64 KiB, a file in chunks of 1 MiB, and each call walks every heap.
    static let interval = 8 << 20
    private var sinceLast = 0

    #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    private static let trim: Trim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }
    #endif

    /// Counts bytes read from the source, giving memory back once every ``interval``.
    mutating func read(_ bytes: Int) {
        sinceLast += bytes
        guard sinceLast >= Self.interval else { return }
        sinceLast = 0
        #if canImport(Glibc)
        _ = Self.trim?(0)
        #endif
    }
}
