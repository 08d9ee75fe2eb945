import Testing
import HomewardCore

@Suite struct PageCutTests {
    /// A full page with nothing behind it is the last: no cursor that would lead a client to an empty page.
    @Test func onlyAPageWithMoreBehindItHasACursor() {
        let last = PageCut(reading: [10, 11, 12], limit: 3, id: { $0 })
        #expect(last.items == [10, 11, 12] && last.nextCursor == nil)
        let more = PageCut(reading: [10, 11, 12, 13], limit: 3, id: { $0 })
        #expect(more.items == [10, 11, 12] && more.nextCursor == "12")
        #expect(PageCut(reading: [Int](), limit: 3, id: { $0 }).nextCursor == nil)
    }
}
