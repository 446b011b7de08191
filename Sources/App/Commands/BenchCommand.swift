struct BenchCommand { init(options: inout Options) throws {}; func run() throws -> Int32 { 0 } }
