import Foundation
import Glibc
import Testing

/// `--step` with a real pseudo-terminal on standard input: it must stop at each pause and wait
/// for Enter.
@Suite("learnchat lesson --step on a terminal")
struct StepTerminalTests {
  @Test("it waits at each pause for Enter, and q quits")
  func waitsForEnter() throws {
    var controller: Int32 = -1
    var terminal: Int32 = -1
    try #require(openpty(&controller, &terminal, nil, nil, nil) == 0)
    let controlling = FileHandle(fileDescriptor: controller, closeOnDealloc: true)
    let process = Process()
    process.executableURL = LearnchatBinary.url
    process.arguments = ["lesson", "1", "--step", "--lessons", LearnchatBinary.fixtureLessons]
    process.standardInput = FileHandle(fileDescriptor: terminal, closeOnDealloc: true)
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let reader = output.fileHandleForReading

    func readUntilPause() -> String {
      var text = ""
      while !text.contains("Enter: next stage") {
        let chunk = reader.availableData
        if chunk.isEmpty { break }
        text += String(decoding: chunk, as: UTF8.self)
      }
      return text
    }

    let first = readUntilPause()
    #expect(first.contains("1/5 · server"))
    #expect(!first.contains("2/5"), "nothing after the first pause before Enter")
    #expect(process.isRunning, "blocked at the pause, waiting for Enter")

    controlling.write(Data("\n".utf8))
    let second = readUntilPause()
    #expect(second.contains("2/5 · client"))
    #expect(!second.contains("3/5"))

    controlling.write(Data("q\n".utf8))
    let rest = String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(rest.contains("Stopped."))
    #expect(!rest.contains("3/5"))
  }
}
