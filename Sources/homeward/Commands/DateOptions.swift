import ArgumentParser
import HomewardCore

/// A date option, read or refused with the option's name.
func day(_ text: String?, _ option: String) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(text) else { throw ValidationError("\(option) '\(text)': expected a date YYYY-MM-DD") }
    return day
}

/// `--from` and `--to` as a window, each read as ``day(_:_:)`` does, refused when the end comes before the start.
func window(from: String?, to: String?) throws -> DateWindow {
    let window = DateWindow(from: try day(from, "--from"), to: try day(to, "--to"))
    if let start = window.from, let end = window.to, end < start { throw ValidationError("--to \(end) is before --from \(start)") }
    return window
}

/// `--from`, `--to`, `--year` and `--last` resolved as the API resolves them; a window that cannot be is refused as
/// usage, so that `validate()` can call it and a mistake exits 64 with the command's own usage.
func resolvedWindow(_ asked: DateWindow.Asked) throws -> (window: DateWindow, previous: DateWindow?) {
    do {
        return try DateWindow.resolve(asked, today: try today())
    } catch let error as DateWindow.Problem {
        throw ValidationError("--\(error.field): \(error.reason)")
    }
}
