import Foundation
import Glibc
import LearnchatTestSupport
import Testing

/// `--step` with the keyboard on a terminal but the output going to a pipe (a pager, a file):
/// pausing would fight the pager for the keyboard, so every stage is shown and stderr says why.
@Suite("learnchat lesson --step with output to a pipe")
struct StepTerminalTests {
  @Test("it shows every stage without waiting, and says why on standard error")
  func noPausesIntoAPipe() throws {
    var controller: Int32 = -1
    var terminal: Int32 = -1
    try #require(openpty(&controller, &terminal, nil, nil, nil) == 0)
    defer { close(controller) }
    let process = Process()
    process.executableURL = LearnchatBinary.url
    process.arguments = ["lesson", "1", "--step", "--lessons", LearnchatBinary.fixtureLessons]
    process.standardInput = FileHandle(fileDescriptor: terminal, closeOnDealloc: true)
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let drain = PipeDrain(errors.fileHandleForReading)
    // Nothing is typed: a stepper waiting for a key would never get to the end.
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(text.contains("5/5 · client"))
    #expect(text.contains("The end."))
    #expect(!text.contains("Enter: next stage"))
    #expect(!text.contains("\u{1B}[?1049h"), "no full screen into a pipe")
    let errorText = String(decoding: drain.wait(), as: UTF8.self)
    #expect(errorText.contains("standard output is not a terminal, so --step shows every stage"))
  }
}
