// Measures parse + validate + execute of the catalogue query (50 items × 20 fields, nested)
// in a loop, and prints operations per second as one JSON line. Options: `--seconds N`;
// `--result FILE` writes one result, so the benchmark script can check graphql-core computed
// the same; `--workload DIR` names the folder of the schema and query (default
// tools/bench.d, from the repository root); `--split` first times each stage alone.
import Foundation
import GraphQL

/// The same data graphql_core_bench.py builds: deterministic, no randomness.
func catalogue() -> JSON {
    let categories: [JSON] = ["TOOLS", "FOOD", "BOOKS"]
    let statuses: [JSON] = ["DRAFT", "LIVE", "ARCHIVED"]
    let items: [JSON] = (0..<50).map { index in
        let related: [JSON] = (0..<3).map {
            .object(["id": .string("r\(index)-\($0)"), "label": .string("Related \($0)")])
        }
        var item = JSONObject()
        item["id"] = .string("item-\(index)")
        item["name"] = .string("Item \(index)")
        item["description"] = .string("A useful thing, number \(index).")
        item["price"] = .double(Double(index) * 1.25 + 0.5)
        item["quantity"] = .int(index * 3)
        item["active"] = .bool(index % 2 == 0)
        item["category"] = categories[index % 3]
        item["createdAt"] = "2024-01-01T00:00:00Z"
        item["updatedAt"] = "2024-06-01T12:30:00Z"
        item["sku"] = .string("SKU-\(1000 + index)")
        item["weight"] = .double(Double(index) + 0.25)
        item["rating"] = .double(Double(index % 5) + 0.5)
        item["views"] = .int(index * 17)
        item["tags"] = ["a", "b", .string("t\(index)")]
        item["owner"] = .object([
            "id": .string("o\(index % 7)"), "name": "Owner", "email": "o@example.com",
        ])
        item["dimensions"] = .object(["width": 1.5, "height": 2.5, "depth": .double(Double(index))])
        item["related"] = .list(related)
        item["status"] = statuses[index % 3]
        item["notes"] = index % 4 == 0 ? .null : "note"
        item["score"] = .int(index % 10)
        return .object(item)
    }
    return .object(["items": .list(items)])
}

func readText(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
}

let arguments = CommandLine.arguments
var seconds = 3.0
var resultPath: String?
var workload = "tools/bench.d"
var index = 1
while index < arguments.count {
    switch arguments[index] {
    case "--seconds": seconds = Double(arguments[index + 1]) ?? seconds
    case "--result": resultPath = arguments[index + 1]
    case "--workload": workload = arguments[index + 1]
    case "--split": index -= 1
    default: break
    }
    index += 2
}

let folder = URL(fileURLWithPath: workload)
let schema = try GraphQLSchema(
    sdl: try readText(folder.appendingPathComponent("graphql_workload.graphql").path))
let query = try readText(folder.appendingPathComponent("graphql_workload_query.graphql").path)
let request = ExecutionRequest(source: query, variables: ["first": 50], rootValue: catalogue())

let first = await graphql(schema: schema, request: request)
guard first.errors.isEmpty else {
    print("benchmark query failed: \(first.errors)")
    exit(1)
}
if let resultPath {
    try first.json.jsonText.write(toFile: resultPath, atomically: true, encoding: .utf8)
}

/// Runs the loop away from the main actor, as a server's request handlers do, so that each
/// operation is not charged for hopping between threads.
@concurrent func measure(seconds: Double, split: Bool) async throws -> (Int, Double) {
    let clock = ContinuousClock()
    if split {
        let document = try parse(query)
        var t = clock.now
        for _ in 0..<1000 { _ = try parse(query) }
        print("parse x1000", clock.now - t)
        t = clock.now
        for _ in 0..<1000 { _ = validate(schema: schema, document: document) }
        print("validate x1000", clock.now - t)
        t = clock.now
        for _ in 0..<1000 {
            _ = await execute(schema: schema, document: document, request: request)
        }
        print("execute x1000", clock.now - t)
    }
    let start = clock.now
    var operations = 0
    while clock.now - start < .seconds(seconds) {
        for _ in 0..<10 {
            _ = await graphql(schema: schema, request: request)
        }
        operations += 10
    }
    let elapsed = clock.now - start
    return (
        operations,
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    )
}

let (operations, total) = try await measure(seconds: seconds, split: arguments.contains("--split"))
print(
    "{\"operations\":\(operations),\"seconds\":\(total),"
        + "\"ops_per_s\":\(Double(operations) / total)}"
)
