/// A command that ran and could not do what was asked, as data decides (no bulletin with that id): exit status 1
/// and the reason, without a usage line. A refused option is a `ValidationError` from `validate()`, with the
/// command's own usage and status 64.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
