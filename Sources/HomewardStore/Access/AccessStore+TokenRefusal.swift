import HomewardCore

extension AccessStore {
    /// The refusal of what only a person may do, asked with a token (give a role, a password, an account or a token),
    /// audited as the permit's refusals are: a leaked token tried for a way in leaves a trace for whoever reads the log.
    /// The audit is written in a transaction of its own; should it fail, the caller is refused all the same.
    func refusal(ofToken message: Message, for need: WriteNeed, by caller: Caller) async -> StoreError {
        try? await database.write(by: caller, for: .bookkeeping) { write in
            try await write.audit("refused", kind: need.rawValue, detail: Catalogue.english.text(message))
        }
        return .forbidden(message)
    }
}
