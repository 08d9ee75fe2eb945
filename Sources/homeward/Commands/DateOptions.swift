import ArgumentParser
import HomewardCore

/// A date option, read or refused with the option's name.
func day(_ text: String?, _ option: String) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(text) else { throw ValidationError("\(option) '\(text)': expected a date YYYY-MM-DD") }
    return day
}

/// `--as-of`, today when absent: a day after today is refused, as the API and the pages refuse it, since nothing is
/// known of it yet (a progress "behind by 3,400" on a day to come would read as a fact).
func asOfDay(_ text: String?) throws -> Day {
    let today = try today()
    guard let asked = try day(text, "--as-of") else { return today }
    guard asked <= today else { throw ValidationError("--as-of \(asked): after today (\(today)); nothing is known of it yet") }
    return asked
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
