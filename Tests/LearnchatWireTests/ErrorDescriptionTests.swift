import Glibc
import LearnchatWire
import Testing

@Suite struct ErrorDescriptionTests {
  @Test func systemErrorNamesTheCallAndTheSystemText() {
    let error = SystemError(call: "connect", errno: ECONNREFUSED)
    #expect(error.description == "connect: Connection refused")
    #expect(SystemError(call: "send", errno: EPIPE).description == "send: Broken pipe")
  }

  @Test(arguments: [
    (WireError.frameTooLarge(length: 5, limit: 4), "frame too large (5 bytes, limit 4)"),
    (
      .truncatedFrame(received: 7, expected: 104),
      "stream ended inside a frame (got 7 of 104 bytes)"
    ),
    (.bodyTooLargeToEncode(length: 9, limit: 8), "frame body too large to send (9 bytes, limit 8)"),
    (.connectionClosed(afterReceiving: 2, of: 4), "connection closed after 2 of 4 bytes"),
    (.timedOut(operation: "read"), "read: timed out"),
    (
      .addressResolution(host: "x.invalid", message: "Name or service not known"),
      "cannot resolve \"x.invalid\": Name or service not known"
    ),
    (.socketClosed(operation: "read"), "read: socket already closed"),
  ])
  func wireErrorsReadAsOneLine(error: WireError, text: String) {
    #expect(error.description == text)
  }
}
