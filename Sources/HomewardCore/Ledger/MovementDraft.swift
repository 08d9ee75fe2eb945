/// One row of a returns report, before ``MovementRules`` read it.
public typealias MovementDraft = ImportDraft<MovementField>
