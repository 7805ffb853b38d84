import Testing

@Suite("The learnchat command line")
struct CommandLineTests {
  @Test("--version prints the version and exits 0")
  func version() throws {
    let run = try LearnchatBinary.run(["--version"])
    #expect(run.status == 0)
    #expect(run.output == "0.1.0\n")
  }

  @Test("--help describes the tool and exits 0")
  func help() throws {
    let run = try LearnchatBinary.run(["--help"])
    #expect(run.status == 0)
    #expect(run.output.contains("USAGE: learnchat"))
    #expect(run.output.contains("secure chat"))
    #expect(run.output.contains("--version"))
  }

  @Test("an unknown option is a usage error: one line naming it, the usage, exit 64")
  func unknownOption() throws {
    let run = try LearnchatBinary.run(["--frobnicate"])
    #expect(run.status == 64)
    #expect(run.errorOutput.hasPrefix("Error: Unknown option '--frobnicate'"))
    #expect(run.errorOutput.contains("Usage: learnchat"))
    #expect(run.output.isEmpty)
  }
}
