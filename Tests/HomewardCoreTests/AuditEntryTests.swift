import HomewardCore
import Testing

@Suite struct AuditEntryTests {
    static func entry(before: String?, after: String?) -> AuditEntry {
        AuditEntry(id: 1, at: "2026-12-06T10:00:00Z", actor: "person:amal", address: nil, action: "update", kind: "site", record: "HOL",
                   detail: nil, before: before, after: after)
    }

    /// A change says what it changed, field by field, from what to what: an auditor's "changed from what?" answered in the
    /// table, not only in the JSON beside it; fields left as they were are not listed.
    @Test func aChangeNamesEachFieldItChangedFromWhatToWhat() {
        let site = Self.entry(before: #"{"code":"HOL","name":"Al-Hol","operator":null,"capacity":null,"open":true}"#,
                              after: #"{"code":"HOL","name":"Al Hol camp","operator":"UNHCR","capacity":5000,"open":false}"#)
        #expect(site.change == "capacity: – → 5000; name: Al-Hol → Al Hol camp; open: true → false; operator: – → UNHCR")
        // A creation keeps no before, a change that changed nothing no field: neither says a change.
        #expect(Self.entry(before: nil, after: #"{"code":"HOL"}"#).change == nil)
        #expect(Self.entry(before: #"{"code":"HOL"}"#, after: #"{"code":"HOL"}"#).change == nil)
        // A field added or taken away is a change too; text that is not JSON is none.
        #expect(Self.entry(before: #"{"a":1}"#, after: #"{"a":1,"b":[1,2]}"#).change == "b: – → [1,2]")
        #expect(Self.entry(before: "not json", after: #"{"a":1}"#).change == nil)
    }
}
