import HomewardCore

extension AccessStore {
    /// The refusal of what only a person in a page session may do (give a role, a password, an account or a token), asked
    /// with a token, audited as the permit's refusals are (``Database/auditRefusal(_:for:by:)``).
    public func auditedRefusal(_ message: Message, for need: WriteNeed, by caller: Caller) async -> StoreError {
        await database.auditRefusal(message, for: need, by: caller)
        return .forbidden(message)
    }
}
