import HomewardCore

extension AccessStore {
    /// The refusal of what only a person in a page session may do (give a role, a password, an account or a token), asked
    /// with a token, audited as the permit's refusals are (``Database/auditRefusal(_:for:by:)``).
    /// - Parameter attempt: what was tried and on whom (`set role of amal to admin`), for the audit to say.
    public func auditedRefusal(_ message: Message, for need: WriteNeed, by caller: Caller, attempt: String) async -> StoreError {
        await database.auditRefusal("\(attempt): \(Catalogue.english.text(message))", kind: need.rawValue, by: caller)
        return .forbidden(message)
    }
}
