import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process's wall time and peak memory, measured by the kernel (wait4's rusage).
struct ProcessRun {
    var seconds: Double
    var peakRSSMegabytes: Double
    var status: Int32
    var output: String

    /// Runs `arguments[0]` with the rest, waits, and measures it. Standard output is kept; standard error passes through.
    ///
    /// Spawned with posix_spawn and reaped with wait4 here, so the kernel's peak-memory figure is this child's.
    static func run(_ arguments: [String], environment: [String: String] = [:], captureOutput: Bool = true) throws -> ProcessRun {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, captureOutput ? output : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw CocoaError(.executableNotLoadable, userInfo: [NSFilePathErrorKey: arguments[0]]) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let elapsed = ContinuousClock.now - start
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let text = captureOutput ? ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "") : ""
        return ProcessRun(seconds: elapsed.seconds, peakRSSMegabytes: Double(usage.ru_maxrss) / 1024, status: exit, output: text)
    }
}

/// This process's own peak memory, over one stretch of work (Linux: `/proc/self`).
enum OwnPeakMemory {
    /// Starts the stretch: the kernel's high-water mark (`VmHWM`) goes back to what the process holds now.
    /// - Returns: whether it could (a kernel without `clear_refs` cannot).
    static func reset() -> Bool {
        (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil
    }

    /// The high-water mark since the last reset, in MB.
    static func megabytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}

/// Finds a program on PATH, or `nil`: a missing baseline is reported, never installed.
func which(_ name: String) -> String? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let path = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

/// The median and 99th percentile of a set of latencies.
func percentiles(_ values: [Double]) -> (p50: Double, p99: Double) {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return (0, 0) }
    func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count) * q).rounded(.up)) - 1)] }
    return (at(0.5), at(0.99))
}

/// The middle value (the mean of the two middle ones for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// The figures of one run, printed as `name: value` lines as they come, and as a table at the end.
final class Report {
    private(set) var lines: [(String, String, String)] = []

    func figure(_ name: String, _ value: Double, _ note: String = "", digits: Int = 2) {
        let text = String(format: "%.\(digits)f", value)
        print("\(name): \(text)")
        fflush(nil)
        lines.append((name, text, note))
    }

    /// A figure measured in several rounds: the median, with every round's value in the note.
    func figure(_ name: String, values: [Double], _ note: String = "", digits: Int = 2) {
        guard values.count > 1 else { return figure(name, values.first ?? 0, note, digits: digits) }
        let rounds = values.map { String(format: "%.\(digits)f", $0) }.joined(separator: ", ")
        figure(name, median(values), (note.isEmpty ? "" : note + "; ") + "median of \(values.count) rounds: \(rounds)", digits: digits)
    }

    func missing(_ name: String, _ why: String) {
        print("\(name): n/a (\(why))")
        fflush(nil)
        lines.append((name, "n/a", why))
    }

    func table() {
        let width = (lines.map(\.0.count).max() ?? 10) + 2
        print("\n" + "figure".padding(toLength: width, withPad: " ", startingAt: 0) + "value       note")
        print(String(repeating: "-", count: width + 40))
        for (name, value, note) in lines {
            print(name.padding(toLength: width, withPad: " ", startingAt: 0) + value.padding(toLength: 12, withPad: " ", startingAt: 0) + note)
        }
    }
}
