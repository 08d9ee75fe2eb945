import Foundation
import HomewardCore
import Testing

/// The reconstruction and aid blocks: their sentences in each language, with the plural forms their counts take,
/// and no block at all when there is nothing to report.
@Suite struct BulletinBlocksTests {
    static let date = Day("2020-06-30")!
    static let school = FacilityKind(code: "school", unit: .items, nameEn: "Schools", nameRu: "Школы", nameAr: "المدارس")
    static let road = FacilityKind(code: "road", unit: .km, nameEn: "Roads", nameRu: "Дороги", nameAr: "الطرق")

    func text(_ block: BulletinBlock?, _ language: Language) throws -> String {
        BulletinText(snapshot: BulletinSnapshot(date: Self.date, since: nil, blocks: [try #require(block)]), catalogue: try Catalogue.bundled(language)).text
    }

    @Test func reconstructionGivesEachKindInItsOwnUnitAndTheSettlements() throws {
        let stock = FacilityFigures(settlements: 21, byKind: [KindQuantity(kind: Self.school, tenths: 120), KindQuantity(kind: Self.road, tenths: 125)])
        let flow = FacilityFigures(settlements: 1, byKind: [KindQuantity(kind: Self.school, tenths: 30)])
        let block = ReconstructionBlock.make(date: Self.date, stock: stock, flow: flow)
        let en = try text(block, .en)
        #expect(en.contains("Schools: 12 under restoration on 30 June 2020; 3 commissioned from 24 June 2020 to 30 June 2020."))
        #expect(en.contains("Roads: 12.5 km under restoration on 30 June 2020; 0 km commissioned"))
        #expect(en.contains("restoration work is under way in 21 settlements."))
        #expect(en.contains("facilities were commissioned in 1 settlement."))
        let ru = try text(block, .ru)
        #expect(ru.contains("Дороги: на восстановлении на 30 июня") && ru.contains("— 12,5 км;"))
        #expect(ru.contains("ведутся в 21 населённом пункте."), "21 takes the form of one in Russian")
        let ar = try text(block, .ar)
        #expect(ar.contains("الطرق: ١٢٫٥ كم قيد الترميم في"))
        #expect(ar.contains("في تجمّع سكني واحد"), "1 is written as a word in Arabic")
        #expect(block?.entries.first { $0.id == "reconstruction.road.underRestoration" }?.unit == .tenths)
    }

    @Test func aidGivesActionsLocalitiesTonnesAndPeopleReached() throws {
        let block = AidBlock.make(date: Self.date, figures: AidFigures(actions: 2, localities: 11, kilograms: 3_525, parcels: 780, reached: 101))
        let en = try text(block, .en)
        #expect(en.contains("From 24 June 2020 to 30 June 2020, 2 aid actions were recorded."))
        #expect(en.contains("They reached 11 localities.") && en.contains("Tonnes delivered: 3.525."))
        #expect(en.contains("101 people were reached, as the organisations reported."))
        let ru = try text(block, .ru)
        #expect(ru.contains("зарегистрированы 2 акции помощи") && ru.contains("получили 11 населённых пунктов") && ru.contains("3,525"))
        #expect(ru.contains("помощь получил 101 человек."))
        let ar = try text(block, .ar)
        #expect(ar.contains("سُجِّلت عمليتا مساعدة"), "2 is the dual in Arabic")
        #expect(ar.contains("وصلت إلى ١١ منطقة.") && ar.contains("٣٫٥٢٥"))
        #expect(ar.contains("إلى ١٠١ شخص"))
    }

    @Test func aBlockWithNothingToReportIsLeftOut() {
        #expect(ReconstructionBlock.make(date: Self.date, stock: FacilityFigures(), flow: FacilityFigures()) == nil)
        #expect(AidBlock.make(date: Self.date, figures: AidFigures()) == nil)
        // Nothing weighed and no one counted: the actions alone, no "0 tonnes".
        let lines = AidBlock.make(date: Self.date, figures: AidFigures(actions: 1, localities: 1))?.lines.map(\.key)
        #expect(lines == ["bulletin.aid.actions", "bulletin.aid.localities"])
    }
}
