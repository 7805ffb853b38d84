import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// `learnchat serve`: chats with one client at a time, and keeps serving.
///
/// Unlike the original, which served one client and exited, it reports a chat that ends or a
/// client that misbehaves and waits for the next (`once` restores the original behaviour).
/// Handshakes run side by side (`HandshakeHub`), so a silent connection never holds up a real
/// client; the first to finish gets the chat, and whoever comes during a chat is told at once
/// that the server is busy. While no one is connected, a typed line is refused (never kept for
/// a later stranger), and `exit` or the end of input stops the server.
public struct ChatServer: Sendable {
  let host: String
  let port: UInt16
  let once: Bool
  let options: ChatOptions
  let console: ChatConsole
  let events: ChatEventQueue

  /// How many handshakes may be in progress at once; beyond it, connections are refused.
  public static let handshakeLimit = 16

  /// A server on `host`:`port` (0 for any free port).
  public init(
    host: String, port: UInt16, once: Bool, options: ChatOptions, console: ChatConsole,
    events: ChatEventQueue
  ) {
    self.host = host
    self.port = port
    self.once = once
    self.options = options
    self.console = console
    self.events = events
  }

  /// Serves until stopped (`exit` or the end of input while idle, or after one chat with
  /// `once`); returns how the last chat ended.
  ///
  /// - Throws: `ChatFailure` when it cannot listen or accept, or key generation fails.
  @discardableResult
  public func run() throws -> ChatEnd {
    let listener: TCPListener
    do {
      listener = try TCPListener(host: host, port: port)
    } catch {
      throw ChatFailure(NetworkErrorText.listening(on: host, port: port, error))
    }
    defer { listener.close() }
    console.line(ChatLines.listening(host: host, port: String(listener.port)))
    if options.demo == .demo3, let identity = options.identity {
      console.line(ChatLines.serverFingerprint(try Demo3.fingerprint(of: identity.publicKey)))
    }
    let hub = HandshakeHub(
      options: options, console: console, events: events, limit: Self.handshakeLimit)
    defer {
      hub.stop()
      hub.saveCapture()
    }
    do {
      try hub.startAccepting(on: listener)
    } catch {
      throw ChatFailure("cannot accept connections: \(error)")
    }
    return try serve(hub)
  }

  /// The server's own loop: typed lines while idle, and each chat as its handshake finishes.
  private func serve(_ hub: HandshakeHub) throws -> ChatEnd {
    var last = ChatEnd.localExit
    while true {
      switch events.next() {
      case .line(let line):
        guard let text = ChatText.outgoing(line) else { continue }
        if ChatText.isExit(text) { return last }
        console.line(
          "[!] No one is connected: \"\(ChatText.displayable(Array(text.utf8)))\" was not sent")
      case .inputEnded:
        return last
      case .peerEnded:
        continue
      case .server(.acceptFailed(let reason)):
        throw ChatFailure(reason)
      case .server(.clientReady(let client)):
        for line in client.ready.lines { console.line(line) }
        last = ChatSession(
          transport: client.ready.transport, console: console, events: events,
          showWire: options.showWire, hangUpAfterHandshake: client.hangUpNote
        ).run()
        client.connection.close()
        hub.chatEnded()
        hub.saveCapture()
        if once { return last }
        console.line("[*] Chat with \(client.peer) ended; waiting for the next client ...")
      }
    }
  }
}

/// `learnchat connect`: connects to a server and chats.
public struct ChatClient: Sendable {
  let host: String
  let port: UInt16
  let options: ChatOptions
  let console: ChatConsole
  let events: ChatEventQueue

  /// A client for the server at `host`:`port`.
  public init(
    host: String, port: UInt16, options: ChatOptions, console: ChatConsole, events: ChatEventQueue
  ) {
    self.host = host
    self.port = port
    self.options = options
    self.console = console
    self.events = events
  }

  /// Connects, shakes hands, chats; returns how the chat ended.
  ///
  /// - Throws: `ChatFailure` when the connection cannot be made or the handshake fails (one
  ///   line, with a hint when the server seems to speak another demo).
  public func run() throws -> ChatEnd {
    let connection: TCPConnection
    let tap = options.capture?.newTap()
    do {
      connection = try TCPConnection.connect(host: host, port: port, tap: tap)
    } catch {
      throw ChatFailure(NetworkErrorText.connecting(to: host, port: port, error))
    }
    options.capture?.add(connection, tap: tap, end: .client)
    defer {
      connection.close()
      if let capture = options.capture {
        do { try capture.write() } catch { console.line("[!] \(error)") }
      }
    }
    let place = SocketAddress(host: host, port: port)
    switch options.demo {
    case .demo2: console.line("[*] Connected to \(place), waiting for the server's key ...")
    case .demo3:
      console.line("[*] Connected to \(place), waiting for the server's signed hello ...")
    default: console.line("[*] Connected to \(place)")
    }
    let ready = try HandshakeAttempt.run(connection, role: .client, options: options) {
      try ChatHandshake.client(connection, options: options, console: console)
    }
    for line in ready.lines { console.line(line) }
    return ChatSession(
      transport: ready.transport, console: console, events: events, showWire: options.showWire
    ).run()
  }
}

/// A chat failure already put in words.
public struct ChatFailure: Error, CustomStringConvertible {
  public let description: String

  init(_ description: String) {
    self.description = description
  }
}
