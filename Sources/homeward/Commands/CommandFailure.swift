import HomewardCore
import HomewardStore

/// A command that ran and could not do what was asked, as data decides (no bulletin with that id): exit status 1
/// and the reason, without a usage line. A refused option is a `ValidationError` from `validate()`, with the
/// command's own usage and status 64.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Runs `body`, a rule's refusal naming its field as the API does (`baseline_date '2019-03-04'`) said as the option
/// typed (`--baseline-date '2019-03-04'`): only for commands whose options are the API's fields with dashes.
func namingOptions<R>(_ body: () async throws -> R) async throws -> R {
    do {
        return try await body()
    } catch StoreError.refused(let problem) where !problem.isConflict {
        throw CommandFailure(FieldProblem.label("--" + problem.field.replacingOccurrences(of: "_", with: "-"), problem.value) + ": " + problem.reason)
    }
}
