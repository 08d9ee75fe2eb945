import Foundation

/// A progress bar on standard error, drawn only on a terminal and only for work of more than a moment.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let lock = NSLock()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    /// `nil` when standard error is not a terminal or the input is small.
    init?(total: Int?, label: String, minimumBytes: Int = 4 << 20) {
        guard let total, total >= minimumBytes, isatty(STDERR_FILENO) == 1 else { return nil }
        self.total = total
        self.label = label
    }

    func update(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) > 0.1 || done >= total else { return }
        lastDrawn = now
        drawn = true
        let fraction = min(1, Double(done) / Double(max(total, 1)))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let megabytes = { (bytes: Int) in String(format: "%.1f", Double(bytes) / 1_048_576) }
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(Int(fraction * 100))%  \(megabytes(done)) of \(megabytes(total)) MB".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
