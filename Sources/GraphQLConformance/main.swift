// Reads requests as JSON lines on stdin and answers each with one JSON line on stdout:
// the parse verdict, the printed document, the validation errors and the execution result
// against the schema (SDL file) and data (JSON file) named on the command line.
import Foundation
import GraphQL

/// Fails a field when its data entry is `{"__error": message, "code": code}`, so that the
/// suite can exercise error paths and extensions.
struct DataError: GraphQLReportableError {
    let graphQLMessage: String
    let graphQLExtensions: JSONObject?
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    print("usage: graphql-conformance SCHEMA.graphql DATA.json")
    exit(2)
}

func readFile(_ path: String) -> String {
    guard let file = fopen(path, "r") else { fatalError("cannot open \(path)") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

let schema = try GraphQLSchema(
    sdl: readFile(arguments[1]),
    resolvers: SchemaResolvers(scalars: ["DateTime": .dateTime, "JSON": .json]))
let data = try JSON.parse(readFile(arguments[2]))

/// The data with every failing entry replaced by null, for runs without the resolver above:
/// they exercise the executor's fast lane for JSON sources.
func withoutFailures(_ value: JSON) -> JSON {
    switch value {
    case .object(let object):
        if object["__error"] != nil { return .null }
        var copy = JSONObject()
        for (key, item) in object { copy[key] = withoutFailures(item) }
        return .object(copy)
    case .list(let items): return .list(items.map(withoutFailures))
    default: return value
    }
}

let plainData = withoutFailures(data)

let resolver: FieldResolver = { source, _, _, info in
    guard case .object(let object)? = source as? JSON, let value = object[info.fieldName] else {
        return nil
    }
    if case .object(let entry) = value, case .string(let message)? = entry["__error"] {
        var extensions: JSONObject?
        if let code = entry["code"] { extensions = ["code": code] }
        throw DataError(graphQLMessage: message, graphQLExtensions: extensions)
    }
    return value
}

func errorsJSON(_ errors: [GraphQLError]) -> JSON {
    .list(errors.map(\.json))
}

func handle(_ line: String) async -> JSON {
    var response = JSONObject()
    if case .bool(true)? = (try? JSON.parse(line))?["printSchema"] {
        return ["sdl": .string(schema.printSDL())]
    }
    guard let request = try? JSON.parse(line), case .string(let source)? = request["query"] else {
        return ["fatal": "bad request line"]
    }
    var variables = JSONObject()
    if case .object(let given)? = request["variables"] { variables = given }
    var operationName: String?
    if case .string(let name)? = request["operationName"] { operationName = name }
    let document: Document
    do {
        document = try parse(source, limits: .unlimited)
    } catch {
        response["parse"] = errorsJSON([error])
        return .object(response)
    }
    response["parse"] = .list([])
    response["printed"] = .string(Printer.print(document))
    let problems = validate(schema: schema, document: document, limits: .unlimited)
    response["validate"] = errorsJSON(problems)
    guard problems.isEmpty else { return .object(response) }
    let fastLane = request["lane"] == "fast"
    let result = await execute(
        schema: schema, document: document,
        request: ExecutionRequest(
            source: source, variables: variables, operationName: operationName,
            rootValue: fastLane ? plainData : data),
        defaultResolver: fastLane ? nil : resolver)
    response["result"] = result.json
    return .object(response)
}

while let line = readLine(strippingNewline: true) {
    if line.isEmpty { continue }
    let answer = await handle(line).jsonText + "\n"
    FileHandle.standardOutput.write(Data(answer.utf8))
}
