import LearnchatCrypto
import LearnchatWire

/// `learnchat serve`: waits for clients one after another and chats with each.
///
/// Unlike the original, which served one client and exited, it keeps serving: a chat that ends
/// or a client that misbehaves is reported, and the next client is accepted (`once` restores the
/// original behaviour).
public struct ChatServer: Sendable {
  let host: String
  let port: UInt16
  let once: Bool
  let options: ChatOptions
  let console: ChatConsole
  let events: ChatEventQueue

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

  /// Serves until stopped (or after one client with `once`); returns how the last chat ended.
  ///
  /// - Throws: when it cannot listen or accept, or when key generation fails.
  @discardableResult
  public func run() throws -> ChatEnd {
    let listener = try TCPListener(host: host, port: port)
    defer { listener.close() }
    console.line(ChatLines.listening(host: host, port: String(listener.port)))
    if options.demo == 3, let identity = options.identity {
      console.line(ChatLines.serverFingerprint(try Demo3.fingerprint(of: identity.publicKey)))
    }
    while true {
      // Made before accepting, so a client never waits for RSA key generation.
      let key = options.demo == 2 ? try RSAPrivateKey() : nil
      let connection = try listener.accept()
      let peer = connection.remoteAddress.pythonTupleDescription
      console.line(ChatLines.connection(from: peer))
      let end = chat(over: connection, key: key)
      connection.close()
      if once { return end }
      console.line("[*] Chat with \(peer) ended; waiting for the next client ...")
    }
  }

  private func chat(over connection: TCPConnection, key: RSAPrivateKey?) -> ChatEnd {
    let transport: any ChatTransport
    do {
      transport = try ChatHandshake.server(
        connection, key: key, options: options, console: console)
    } catch {
      let reason = ChatHandshake.describe(error, timeout: options.handshakeTimeout)
      console.line(ChatLines.failure(reason))
      return .failed(reason)
    }
    return ChatSession(
      transport: transport, console: console, events: events, showWire: options.showWire
    ).run()
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
  /// - Throws: when the connection cannot be made, or the handshake fails (with one line).
  public func run() throws -> ChatEnd {
    let connection = try TCPConnection.connect(host: host, port: port)
    defer { connection.close() }
    let transport: any ChatTransport
    do {
      transport = try ChatHandshake.client(connection, options: options, console: console)
    } catch {
      throw ChatFailure(ChatHandshake.describe(error, timeout: options.handshakeTimeout))
    }
    return ChatSession(
      transport: transport, console: console, events: events, showWire: options.showWire
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
