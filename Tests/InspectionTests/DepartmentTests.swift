import Inspection
import Testing

@Suite struct DepartmentTests {
    @Test func postalCodesGiveTheirDepartement() {
        #expect(Department.of(postalCode: "75002") == "75")
        #expect(Department.of(postalCode: "01000") == "01")
        #expect(Department.of(postalCode: "97110") == "971")
        #expect(Department.of(postalCode: "20000") == "2A")
        #expect(Department.of(postalCode: "20200") == "2B")
        #expect(Department.of(postalCode: "7500") == nil)
        #expect(Department.of(postalCode: "00123") == nil)
    }

    @Test func theLastFiveDigitGroupOfAnAddressIsItsPostalCode() {
        #expect(Department.of(address: "12345 route des Crêtes 69003 Lyon") == "69")
        #expect(Department.of(address: "1 rue du Port, Lyon") == nil)
    }
}
