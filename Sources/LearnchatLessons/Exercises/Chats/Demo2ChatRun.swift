import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// A demo-2 chat for exercise material: the real handshake and secure channel on both ends of
/// one loopback connection, driven from one thread so that a seeded context gives the same
/// bytes every run.
struct Demo2ChatRun {
  /// Who sent a message.
  enum Sender: String {
    case client
    case server
  }

  /// One message frame of the chat, as sent.
  struct Message {
    /// Its number among all frames of the connection, from 1 (frame 1 is the public key,
    /// frame 2 the wrapped key).
    let frame: Int
    let sender: Sender
    let text: String
    /// Length prefix and body, as written.
    let bytes: [UInt8]

    /// The body's length: nonce, ciphertext, tag.
    var bodyLength: Int { bytes.count - FrameDecoder.headerSize }
  }

  let serverKey: RSAPrivateKey
  let sessionKey: AESGCM.Key
  let client: Demo2.Channel
  let server: Demo2.Channel
  /// The public-key frame's and the wrapped-key frame's bodies.
  let pem: [UInt8]
  let wrappedKey: [UInt8]
  private(set) var messages: [Message] = []

  /// Runs the handshake between `pair`'s ends with a fresh server key from `context`.
  ///
  /// - Parameter repeating: for the nonce-reuse exercise only, a nonce the client uses for
  ///   every message (demo 2's client done wrong on purpose, as in lesson 3).
  init(
    pair: (client: TCPConnection, server: TCPConnection), context: CryptoContext,
    repeating nonce: AESGCM.Nonce? = nil
  ) throws {
    let serverKey = try RSAPrivateKey(context: context)
    let serverFrames = FramedChannel(connection: pair.server)
    let clientFrames = FramedChannel(connection: pair.client)
    let serverSide = Demo2.ServerHandshake(key: serverKey, framed: serverFrames)
    let clientSide = Demo2.ClientHandshake(framed: clientFrames, context: context)
    pem = try serverSide.sendPublicKey()
    let completion = try clientSide.sendSessionKey(to: clientSide.receivePublicKey().key)
    let unwrapped = try serverSide.receiveSessionKey()
    self.serverKey = serverKey
    sessionKey = completion.sessionKey
    wrappedKey = completion.wrappedKey
    if let nonce {
      client = try Demo2.Channel.unsafeRepeatingNonce(
        nonce, framed: clientFrames, key: completion.sessionKey)
    } else {
      client = try Demo2.Channel(framed: clientFrames, key: completion.sessionKey, context: context)
    }
    server = try Demo2.Channel(framed: serverFrames, key: unwrapped.sessionKey, context: context)
  }

  /// `sender` sends `text`, and the other end reads it.
  mutating func say(_ text: String, from sender: Sender) throws {
    let (from, to) = sender == .client ? (client, server) : (server, client)
    let sent = try from.send(text)
    guard try to.receive()?.text == text else {
      throw WalkthroughError.wireMismatch(stage: "exercise chat")
    }
    messages.append(
      Message(frame: messages.count + 3, sender: sender, text: text, bytes: sent.frame))
  }

  /// Ends the chat as a client typing `exit` does.
  mutating func exit() throws {
    try say(ChatText.exitCommand, from: .client)
    client.framed.close()
    _ = try server.receive()
    server.framed.close()
  }
}
