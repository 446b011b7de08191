import Domain
import GraphQL
import Testing

@testable import API

/// The renderings shared by the subscribers of one change.
@Suite struct RenderedFormsTests {
    func state(_ id: String, version: Int) -> FormState {
        var state = FormState(id: id)
        state.version = version
        return state
    }

    @Test func oneVersionIsRenderedOnceForEverySubscriber() {
        let rendered = RenderedForms()
        var renders = 0
        for _ in 0..<5 {
            let json = rendered.rendering(state("f1", version: 3)) {
                renders += 1
                return .string("v3")
            }
            #expect(json == .string("v3"))
        }
        #expect(renders == 1)
    }

    @Test func aNewVersionIsRenderedAgain() {
        let rendered = RenderedForms()
        _ = rendered.rendering(state("f1", version: 3)) { .string("v3") }
        let json = rendered.rendering(state("f1", version: 4)) { .string("v4") }
        #expect(json == .string("v4"))
        #expect(rendered.rendering(state("f1", version: 4)) { .string("other") } == .string("v4"))
    }

    @Test func aBSDLinkingOthersIsRenderedEachTime() {
        let rendered = RenderedForms()
        var grouping = state("f2", version: 1)
        grouping.content.grouping = [GroupingFraction(formId: "f1")]
        var renders = 0
        for _ in 0..<3 {
            _ = rendered.rendering(grouping) {
                renders += 1
                return .null
            }
        }
        #expect(renders == 3)
    }
}
