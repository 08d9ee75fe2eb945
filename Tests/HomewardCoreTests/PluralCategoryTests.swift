import Testing
@testable import HomewardCore

/// The CLDR plural rules against CLDR's own sample numbers for integers (plurals.xml, CLDR 46).
@Suite struct PluralCategoryTests {
    @Test(arguments: [
        (1, PluralCategory.one), (0, .other), (2, .other), (5, .other), (11, .other), (21, .other), (101, .other), (1000, .other),
    ])
    func english(_ n: Int, _ expected: PluralCategory) {
        #expect(PluralCategory.of(n, in: .en) == expected)
    }

    @Test(arguments: [
        (1, PluralCategory.one), (21, .one), (31, .one), (101, .one), (1001, .one),
        (2, .few), (3, .few), (4, .few), (22, .few), (34, .few), (102, .few), (1002, .few),
        (0, .many), (5, .many), (9, .many), (10, .many), (11, .many), (12, .many), (14, .many), (19, .many),
        (100, .many), (111, .many), (112, .many), (1000, .many), (10_000, .many),
    ])
    func russian(_ n: Int, _ expected: PluralCategory) {
        #expect(PluralCategory.of(n, in: .ru) == expected)
    }

    @Test(arguments: [
        (0, PluralCategory.zero), (1, .one), (2, .two),
        (3, .few), (10, .few), (103, .few), (110, .few), (1003, .few),
        (11, .many), (26, .many), (99, .many), (111, .many), (1011, .many),
        (100, .other), (101, .other), (102, .other), (200, .other), (1000, .other), (10_000, .other),
    ])
    func arabic(_ n: Int, _ expected: PluralCategory) {
        #expect(PluralCategory.of(n, in: .ar) == expected)
    }

    /// A negative change takes the form of its size: "−21" reads like 21.
    @Test func aNegativeCountTakesTheFormOfItsSize() {
        #expect(PluralCategory.of(-21, in: .ru) == .one)
        #expect(PluralCategory.of(-2, in: .ar) == .two)
    }
}
