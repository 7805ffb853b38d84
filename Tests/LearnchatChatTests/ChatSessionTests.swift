import Foundation
import LearnchatCrypto
import LearnchatDemos
import LearnchatTestSupport
import LearnchatWire
import Testing

@testable import LearnchatChat

/// Collects what a chat console writes, and lets a test wait for a line to appear.
final class ConsoleCapture: @unchecked Sendable {
  // Sendable: `text` is only touched with `condition` locked.
  private let condition = NSCondition()
  private var text = ""

  func append(_ more: String) {
    condition.lock()
    text += more
    condition.broadcast()
    condition.unlock()
  }

  var output: String {
    condition.lock()
    defer { condition.unlock() }
    return text
  }

  /// Waits until the output contains `expected`; the deadline only guards against a hang.
  func waitFor(_ expected: String) -> Bool {
    let deadline = Date().addingTimeInterval(20)
    condition.lock()
    defer { condition.unlock() }
    while !text.contains(expected) {
      if !condition.wait(until: deadline) { return false }
    }
    return true
  }
}

/// A chat session on one end of a loopback connection, the test playing the peer.
struct SessionHarness {
  let pair: SecurePair
  let capture = ConsoleCapture()
  let events = ChatEventQueue()
  let finished = DispatchSemaphore(value: 0)
  let end = ResultBox()

  final class ResultBox: @unchecked Sendable {
    // Sendable: written once before `finished` is signalled, read after waiting on it.
    var value: ChatEnd?
  }

  init() throws {
    pair = try SecurePair()
    let console = ChatConsole(showsPrompt: false, write: capture.append)
    let session = ChatSession(
      transport: Demo2Transport(channel: pair.server), console: console, events: events)
    let (finished, end) = (finished, end)
    Thread.detachNewThread {
      end.value = session.run()
      finished.signal()
    }
  }

  /// The session's result, once it has ended.
  func result() -> ChatEnd? {
    guard finished.wait(timeout: .now() + 20) == .success else { return nil }
    return end.value
  }
}

@Suite("A chat session")
struct ChatSessionTests {
  @Test("peer messages print as [Peer]: text; typed lines are sent; the peer's exit ends it")
  func conversation() throws {
    let harness = try SessionHarness()
    try harness.pair.client.send("hello there")
    #expect(harness.capture.waitFor("[Peer]: hello there\n"))
    harness.events.post(.line("  hi back  "))
    harness.events.post(.line("   "))
    #expect(try harness.pair.client.receive()?.text == "hi back", "stripped; blank lines skipped")
    try harness.pair.client.send(" EXIT ")
    #expect(harness.result() == .peerExited)
    #expect(harness.capture.output.hasSuffix("[Peer exited]\n"))
  }

  @Test("typing exit sends it and ends the chat, without reporting a disconnection")
  func localExit() throws {
    let harness = try SessionHarness()
    harness.events.post(.line("exit"))
    #expect(try harness.pair.client.receive()?.text == "exit")
    #expect(harness.result() == .localExit)
    #expect(!harness.capture.output.contains("disconnected"))
  }

  @Test("the end of input ends the chat like exit")
  func inputEnded() throws {
    let harness = try SessionHarness()
    harness.events.post(.inputEnded)
    #expect(try harness.pair.client.receive()?.text == "exit")
    #expect(harness.result() == .localExit)
  }

  @Test("the peer closing is reported")
  func peerCloses() throws {
    let harness = try SessionHarness()
    harness.pair.client.framed.close()
    #expect(harness.result() == .peerDisconnected)
    #expect(harness.capture.output == "[Peer disconnected]\n")
  }

  @Test("a body that does not open is reported and the chat goes on")
  func undecryptable() throws {
    let harness = try SessionHarness()
    var body = try harness.pair.client.send("x").frame.dropFirst(4).map { $0 }
    _ = harness.capture.waitFor("[Peer]: x")
    body[body.count - 1] ^= 1
    try harness.pair.client.framed.send(body)
    #expect(harness.capture.waitFor("[!] Failed to decrypt message (authentication failed"))
    try harness.pair.client.send("still here")
    #expect(harness.capture.waitFor("[Peer]: still here"))
    harness.events.post(.line("exit"))
    #expect(harness.result() == .localExit)
  }

  @Test("control characters from the peer are escaped")
  func escapes() throws {
    let harness = try SessionHarness()
    try harness.pair.client.send("\u{1B}[2Jgotcha\r")
    #expect(harness.capture.waitFor("[Peer]: \\x1b[2Jgotcha\\x0d\n"))
    #expect(!harness.capture.output.utf8.contains(0x1B))
    harness.events.post(.inputEnded)
    #expect(harness.result() == .localExit)
  }

  @Test("an oversize frame ends the chat with one line naming the length and the limit")
  func oversizeFrame() throws {
    let harness = try SessionHarness()
    try harness.pair.client.framed.connection.writeAll([0xff, 0xff, 0xff, 0xff])
    let reason = "frame of 4294967295 bytes exceeds the 1048576-byte limit; closing the connection"
    #expect(harness.result() == .failed(reason))
    #expect(harness.capture.output == "[!] \(reason)\n")
  }
}

@Suite("The chat console")
struct ChatConsoleTests {
  @Test("an incoming line erases the prompt and puts it back below")
  func promptRedraw() {
    let capture = ConsoleCapture()
    let console = ChatConsole(showsPrompt: true, write: capture.append)
    console.prompt()
    console.line("[Peer]: hi")
    console.promptAnswered()
    console.line("[Peer]: again")
    #expect(capture.output == "You: \r\u{1B}[K[Peer]: hi\nYou: [Peer]: again\n")
  }

  @Test("without a person at a terminal there is no prompt")
  func noPrompt() {
    let capture = ConsoleCapture()
    let console = ChatConsole(showsPrompt: false, write: capture.append)
    console.prompt()
    console.line("[Peer]: hi")
    #expect(capture.output == "[Peer]: hi\n")
  }
}
