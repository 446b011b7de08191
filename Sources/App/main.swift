// The bsd-ledger command line: the first argument names the command.
import Glibc

let arguments = Array(CommandLine.arguments.dropFirst())
let status = CommandLineTool.run(arguments)
exit(status)
