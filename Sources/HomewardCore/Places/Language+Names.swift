extension Language {
    /// The name to show in this language: its own where the reference data has one, else the English.
    ///
    /// A blank counts as none, because gazetteer files leave a cell empty where they have no name; a
    /// page then shows the English name rather than nothing.
    public func name(en: String, ar: String?, ru: String?) -> String {
        let own: String? = switch self {
        case .en: en
        case .ar: ar
        case .ru: ru
        }
        guard let own, !own.trimmingBlanks.isEmpty else { return en }
        return own
    }
}
