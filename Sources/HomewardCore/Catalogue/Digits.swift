/// Which digits numbers are written with.
///
/// Arabic readers in Syria use Arabic-Indic digits (١٬٢٣٤); spreadsheets and some partners want Latin
/// digits in Arabic text, so both are offered. Languages that have only Latin digits ignore the choice.
public enum Digits: String, Sendable, CaseIterable {
    /// The digits the language's locale writes by default.
    case native
    /// 0–9, whatever the language.
    case latin
}
