import Domain
import Testing

/// Tank washing and empty-return rules at acceptance.
@Suite struct EmptyReturnRuleTests {
    func acceptance(
        _ packaging: PackagingType, _ change: (inout Reception) -> Void
    )
        -> [ValidationIssue]
    {
        var reception = Fixtures.acceptance()
        change(&reception)
        let tank = content {
            $0.wasteDetails.packagings = [Packaging(type: packaging, quantity: 1)]
        }
        return StepValidator.acceptanceIssues(reception, content: tank, prefix: "reception")
    }

    @Test func tankWashingOnlyForTanksAndNeedsAReasonWhenNotDone() {
        #expect(acceptance(.citerne) { $0.hasCiterneBeenWashedOut = true } == [])
        #expect(
            acceptance(.fut) { $0.hasCiterneBeenWashedOut = true } == [
                issue("reception.hasCiterneBeenWashedOut", .tankWashingNotApplicable)
            ])
        #expect(
            acceptance(.citerne) { $0.hasCiterneBeenWashedOut = false } == [
                issue("reception.citerneNotWashedOutReason", .required)
            ])
        #expect(
            acceptance(.citerne) {
                $0.hasCiterneBeenWashedOut = false
                $0.citerneNotWashedOutReason = .unavailable
            } == [])
    }

    @Test func emptyReturnOnlyForAcceptedDangerousBulkWasteByRoad() {
        #expect(acceptance(.benne) { $0.emptyReturnADR = "vide" } == [])
        #expect(
            acceptance(.grv) { $0.emptyReturnADR = "vide" } == [
                issue("reception.emptyReturnADR", .emptyReturnNotApplicable)
            ])
        var reception = Fixtures.acceptance(.partiallyRefused, received: 10, refused: 2)
        reception.emptyReturnADR = "vide"
        let tank = content { $0.wasteDetails.packagings = [Packaging(type: .citerne, quantity: 1)] }
        #expect(
            StepValidator.acceptanceIssues(reception, content: tank, prefix: "reception") == [
                issue("reception.emptyReturnADR", .emptyReturnNotApplicable)
            ])
    }
}
