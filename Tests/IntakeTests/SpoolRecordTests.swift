import Foundation
import Schema
import Testing

@testable import Intake

@Test func spoolRecordRoundTripsWithSnakeCaseKeys() throws {
  let record = SpoolRecord(
    id: "20261125-abc", form: "need", receivedAt: "2026-11-25T15:04:05+09:00",
    contentType: "application/x-www-form-urlencoded",
    fields: [SpoolField(name: "title", value: "内視鏡"), SpoolField(name: "tech_areas", value: "laser")])
  let data = try JSONEncoder().encode(record)
  let text = String(decoding: data, as: UTF8.self)
  #expect(text.contains("\"kirameki_spool\":1"))
  #expect(text.contains("\"received_at\""))
  #expect(try JSONDecoder().decode(SpoolRecord.self, from: data) == record)
}

@Test func everyFormFieldExistsInItsContentTypesSchema() {
  for form in IntakeForms.all {
    #expect(form.fields.count == form.submitterFields.count, "\(form.name) names a field its schema lacks")
    for (name, value) in form.fixedValues {
      let field = form.contentType.field(named: name)
      #expect(field?.kind.vocabulary?.allowedValues.contains(value) == true, "\(form.name).\(name)=\(value)")
    }
  }
}
