import LearnchatDemos
import LearnchatWire

/// A handshake watched closely enough to explain its failure: the bytes that arrived are kept
/// while it runs, so a failure can say what they look like (another demo's unit, typed text, a
/// busy server's notice) and which `--demo` to try.
enum HandshakeAttempt {
  /// Which end runs the handshake; the other end is the one described.
  enum Role: Sendable {
    case client
    case server

    var peer: String { self == .client ? "server" : "client" }
  }

  /// Runs `handshake` on `connection`; a failure is rethrown as `ChatFailure`, in words.
  static func run(
    _ connection: TCPConnection, role: Role, options: ChatOptions,
    _ handshake: () throws -> ChatReady
  ) throws -> ChatReady {
    // A tap already there (a capture) keeps recording; otherwise one just for the handshake,
    // removed after so a long chat is not kept in memory.
    let existing = connection.tap
    let tap = existing ?? WireTap()
    let before = tap.receivedBytes.count
    if existing == nil { connection.tap = tap }
    defer { if existing == nil { connection.tap = nil } }
    do {
      return try handshake()
    } catch {
      let received = Array(tap.receivedBytes.dropFirst(before))
      throw ChatFailure(describe(error, received: received, role: role, options: options))
    }
  }

  /// One line for a failed handshake, with what the peer sent when that explains it.
  static func describe(
    _ error: any Error, received: [UInt8], role: Role, options: ChatOptions
  ) -> String {
    if let failure = error as? ChatFailure { return failure.description }
    if let notice = firstNotice(in: received, demo: options.demo) {
      return "the \(role.peer) turned this connection away: \(notice)"
    }
    let reason = ChatHandshake.describe(error, timeout: options.handshakeTimeout)
    if let hint = ProtocolGuess.hint(received: received, demo: options.demo, peer: role.peer) {
      return reason + "; " + hint
    }
    if received.isEmpty, isSilence(error), let hint = silenceHint(role: role, demo: options.demo) {
      return reason + "; " + hint
    }
    return reason
  }

  /// Whether `error` says the peer sent nothing at all: it timed out, or hung up first.
  static func isSilence(_ error: any Error) -> Bool {
    switch error {
    case WireError.timedOut, Demo2.HandshakeError.peerClosed, Demo3.ProtocolError.peerClosed:
      return true
    default: return false
    }
  }

  /// The notice in the first unit of `received`, if it is one (without its marker).
  static func firstNotice(in received: [UInt8], demo: ChatDemo) -> String? {
    var body = received
    if demo.isFramed, let length = FrameDecoder.parseLength(received) {
      body = Array(received.dropFirst(FrameDecoder.headerSize).prefix(Int(length)))
    }
    return ChatNotice.text(in: body).map { String($0.dropFirst(ChatNotice.marker.count)) }
  }

  /// What a silent peer suggests: the demos differ in who speaks first.
  static func silenceHint(role: Role, demo: ChatDemo) -> String? {
    switch (role, demo) {
    case (.client, .demo2):
      return "a demo-1 server sends nothing until someone types, and a demo-3 server waits for "
        + "the client's hello (and gives up after its handshake timeout): is the server running "
        + "--demo 2?"
    case (.client, .demo3):
      return "a demo-1 (plaintext) server sends nothing until someone types: is the server "
        + "running --demo 3?"
    case (.server, .demo3):
      return "a demo-2 client waits for the server to send its key first: is the client "
        + "running --demo 3?"
    case (.server, .demo2):
      return "is the client running --demo 2?"
    default:
      return nil
    }
  }
}
