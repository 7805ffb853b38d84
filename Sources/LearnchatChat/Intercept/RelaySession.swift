import Dispatch
import Glibc
import LearnchatCrypto
import LearnchatDemos
import LearnchatWire
import Synchronization

/// One client on the relay: its connection, the relay's connection to the server, and a thread
/// per direction passing units (demo 1's reads, demos 2 and 3's frames) from one to the other,
/// applying the attack to the client's messages and reporting every unit read and written.
final class RelaySession: Sendable {
  private struct State {
    /// Client messages seen so far (the handshake's units are not messages).
    var clientMessages = 0
    /// The last client message as the relay read it, for `replay` and `reflect`.
    var last: [UInt8]?
    /// A client message held back (reorder, tamper-length).
    var held: [UInt8]?
    var flipNext = false
    var dropNext = false
    var reasonSaid = false
    /// Demo 2 with `mitm`: the session key the client chose.
    var stolenKey: AESGCM.Key?
  }

  let id: Int
  let client: TCPConnection
  let server: TCPConnection
  private let options: InterceptOptions
  private let report: @Sendable (InterceptEvent) -> Void
  private let impostor: Demo2Impostor?
  private let clientFrames: FramedChannel
  private let serverFrames: FramedChannel
  private let state = Mutex(State())

  init(
    id: Int, client: TCPConnection, server: TCPConnection, options: InterceptOptions,
    impostor: Demo2Impostor?, report: @escaping @Sendable (InterceptEvent) -> Void
  ) {
    self.id = id
    self.client = client
    self.server = server
    self.options = options
    self.impostor = impostor
    self.report = report
    clientFrames = FramedChannel(connection: client, maximumBodySize: options.maximumFrameSize)
    serverFrames = FramedChannel(connection: server, maximumBodySize: options.maximumFrameSize)
  }

  /// Relays until both sides have closed; then closes both connections.
  func run() {
    defer {
      client.close()
      server.close()
    }
    let done = DispatchSemaphore(value: 0)
    do {
      try DetachedThread.start { [self] in
        pump(.serverToClient)
        CryptoThread.releaseState()
        done.signal()
      }
    } catch {
      say("no thread to relay the server's side on: \(error); closing both connections")
      return
    }
    pump(.clientToServer)
    done.wait()
  }

  /// Carries out a command typed by the instructor.
  func perform(_ command: RelayCommand) {
    switch command {
    case .flip:
      state.withLock { $0.flipNext = true }
      say("the next client message will have a bit flipped")
    case .drop:
      state.withLock { $0.dropNext = true }
      say("the next client message will be dropped")
    case .replay, .reflect:
      guard let last = state.withLock({ $0.last }) else {
        say("no client message yet to \(command == .replay ? "replay" : "reflect")")
        return
      }
      let toServer = command == .replay
      send(
        last, to: toServer ? server : client, toServer ? "relay → server" : "relay → client",
        what: "the last client message again", direction: .clientToServer)
    case .say(let text):
      guard options.demo == .demo2, let key = state.withLock({ $0.stolenKey }) else {
        say("say needs demo 2 and --attack mitm, after the handshake: the relay has no key")
        return
      }
      do {
        let sealed = try AESGCM.seal(Array(text.utf8), key: key, nonce: try AESGCM.Nonce.random())
        send(
          try FrameEncoder.encode(sealed.combined), to: server, "relay → server",
          what: "\"\(text)\", sealed with the stolen key", direction: .clientToServer)
      } catch {
        say("could not seal the message: \(error)")
      }
    case .help:
      for line in RelayCommand.helpLines { say(line) }
    }
  }

  // MARK: - Pumping

  private func pump(_ direction: RelayDirection) {
    let (source, destination) =
      direction == .clientToServer ? (client, server) : (server, client)
    var index = 0
    while true {
      let unit: [UInt8]?
      do {
        unit = try readUnit(direction)
      } catch {
        say("\(direction.from): \(Self.describe(error)); closing both connections")
        client.close()
        server.close()
        return
      }
      guard let unit else {
        say("the \(direction.from) closed its connection")
        try? destination.shutdown(.write)
        _ = source
        return
      }
      handle(unit, index: index, direction)
      index += 1
    }
  }

  /// The next unit from `direction`'s source as it crossed the wire: a frame with its prefix,
  /// or one read of demo 1; nil at the end of the stream.
  private func readUnit(_ direction: RelayDirection) throws -> [UInt8]? {
    let (connection, frames) =
      direction == .clientToServer ? (client, clientFrames) : (server, serverFrames)
    if options.demo == .demo1 {
      let bytes = try connection.read(upTo: 4096)
      return bytes.isEmpty ? nil : bytes
    }
    // The decoder consumed exactly the prefix and the body: these are the bytes read.
    return try frames.receive().map { try FrameEncoder.header(bodyCount: $0.count) + $0 }
  }

  private func handle(_ unit: [UInt8], index: Int, _ direction: RelayDirection) {
    let isHandshake = options.demo.isFramed && index == 0
    if isHandshake {
      handshake(unit, direction)
    } else if direction == .clientToServer {
      clientMessage(unit)
    } else {
      serverMessage(unit)
    }
  }

  private func handshake(_ unit: [UInt8], _ direction: RelayDirection) {
    let what = RelayUnits.handshakeName(demo: options.demo, direction: direction)
    if let impostor, options.attack == .mitm {
      do {
        let replaced = try impostor.replace(unit, direction: direction)
        show("\(direction.from) → relay: \(what), as read", unit, direction)
        send(
          replaced.bytes, to: direction == .clientToServer ? server : client,
          "relay → \(direction.to)", what: "\(what), \(replaced.change)", direction: direction)
        if let key = replaced.sessionKey {
          state.withLock { $0.stolenKey = key }
          say("stole the session key: \(Hex.string(key.bytes)); every message is now readable")
        }
      } catch {
        say("mitm: \(error); closing both connections")
        client.close()
        server.close()
      }
      return
    }
    pass(unit, direction, what: what)
    let handshakeDone =
      (options.demo == .demo2 && direction == .clientToServer)
      || (options.demo == .demo3 && direction == .serverToClient)
    if handshakeDone && options.attack == .oversizedLength {
      reason()
      send(
        FrameTampering.oversizedLengthPrefix, to: server, "relay → server",
        what: "a length prefix of ff ff ff ff (4 GiB minus one byte) and nothing else",
        direction: .clientToServer)
    }
  }

  private func serverMessage(_ unit: [UInt8]) {
    pass(unit, .serverToClient, what: RelayUnits.messageName(demo: options.demo, number: nil))
    readAloud(unit, from: "server")
  }

  /// A client message: the attack (or a command) decides what reaches whom.
  private func clientMessage(_ unit: [UInt8]) {
    let (number, manualFlip, manualDrop, held) = state.withLock { state in
      defer {
        state.clientMessages += 1
        state.last = unit
        state.flipNext = false
        state.dropNext = false
      }
      return (state.clientMessages, state.flipNext, state.dropNext, state.held)
    }
    let what = RelayUnits.messageName(demo: options.demo, number: number)
    readAloud(unit, from: "client")
    if manualDrop || (options.attack == .drop && number % 2 == 1) {
      reason()
      show("client → relay: \(what), dropped", unit, .clientToServer)
      return
    }
    if manualFlip || options.attack == .tamperBit {
      reason()
      flip(unit, what: what)
      return
    }
    switch options.attack {
    case .replay, .reflection:
      // Passed on, and a copy: to the server again, or back to the client.
      reason()
      pass(unit, .clientToServer, what: what)
      let replaying = options.attack == .replay
      send(
        unit, to: replaying ? server : client, replaying ? "relay → server" : "relay → client",
        what: replaying ? "\(what) again, a copy" : "\(what), sent back as if from the server",
        direction: .clientToServer)
    case .reorder:
      reason()
      if let held {
        state.withLock { $0.held = nil }
        show("client → relay: \(what), as read", unit, .clientToServer)
        send(unit, to: server, "relay → server", what: "\(what), first", direction: .clientToServer)
        send(
          held, to: server, "relay → server",
          what: "\(RelayUnits.messageName(demo: options.demo, number: number - 1)), after it",
          direction: .clientToServer)
      } else {
        state.withLock { $0.held = unit }
        show("client → relay: \(what), held back until the next one", unit, .clientToServer)
      }
    case .tamperLength:
      reason()
      if let held {
        state.withLock { $0.held = nil }
        lengthOneTooLong(held, then: unit, number: number)
      } else if number == 0 {
        state.withLock { $0.held = unit }
        show(
          "client → relay: \(what), held back: its length will swallow a byte of the next", unit,
          .clientToServer)
      } else {
        pass(unit, .clientToServer, what: what)
      }
    default:
      pass(unit, .clientToServer, what: what)
    }
  }

  private func flip(_ unit: [UInt8], what: String) {
    let header = options.demo == .demo1 ? 0 : FrameDecoder.headerSize
    let body = Array(unit.dropFirst(header))
    guard let flipped = FrameTampering.flipFirstCiphertextBit(body, demo: options.demo) else {
      pass(unit, .clientToServer, what: what)
      return
    }
    show("client → relay: \(what), as read", unit, .clientToServer)
    send(
      Array(unit.prefix(header)) + flipped.body, to: server, "relay → server",
      what: "\(what), lowest bit of byte \(header + flipped.offset) flipped: "
        + "\(Hex.string(flipped.original)) → \(Hex.string(flipped.changed))",
      direction: .clientToServer)
  }

  private func lengthOneTooLong(_ first: [UInt8], then second: [UInt8], number: Int) {
    let header = FrameDecoder.headerSize
    do {
      let forged = try FrameTampering.lengthOneTooLong(
        Array(first.dropFirst(header)), then: Array(second.dropFirst(header)))
      show(
        "client → relay: \(RelayUnits.messageName(demo: options.demo, number: number)), as read",
        second, .clientToServer)
      report(
        .unit(
          title: "[relay #\(id)] relay → server: messages \(number - 1) and \(number), the first "
            + "one's length one byte too long (\(forged.count) bytes)",
          bytes: forged,
          fields: [FrameField.lengthPrefix(bodyCount: first.count - header + 1)]))
      try server.writeAll(forged)
    } catch {
      say("could not send to the server: \(error)")
    }
  }

  // MARK: - Output

  /// Reads a demo-2 message aloud when the key was stolen, and any demo-1 text.
  private func readAloud(_ unit: [UInt8], from sender: String) {
    if options.demo == .demo1 {
      say("\(sender) wrote, in clear: \(ChatText.displayable(unit))")
      return
    }
    guard options.demo == .demo2, let key = state.withLock({ $0.stolenKey }),
      let sealed = try? AESGCM.SealedMessage(
        combined: Array(unit.dropFirst(FrameDecoder.headerSize))),
      let plaintext = try? AESGCM.open(sealed, key: key)
    else { return }
    say("\(sender) wrote (decrypted with the stolen key): \(ChatText.displayable(plaintext))")
  }

  /// Demo 3: why the attack about to be applied fails, said once per connection.
  private func reason() {
    guard options.demo == .demo3, let reason = options.attack.demo3Reason,
      state.withLock({ state in
        defer { state.reasonSaid = true }
        return !state.reasonSaid
      })
    else { return }
    say("demo 3: expect this to fail: \(reason)")
  }

  private func pass(_ unit: [UInt8], _ direction: RelayDirection, what: String) {
    let destination = direction == .clientToServer ? server : client
    report(
      .unit(
        title: "[relay #\(id)] \(direction.from) → \(direction.to): \(what) (\(unit.count) bytes), "
          + "passed on", bytes: unit, fields: RelayUnits.fields(unit, demo: options.demo)))
    do {
      try destination.writeAll(unit)
    } catch {
      say("could not pass it on to the \(direction.to): \(error)")
    }
  }

  private func show(_ title: String, _ unit: [UInt8], _ direction: RelayDirection) {
    report(
      .unit(
        title: "[relay #\(id)] \(title) (\(unit.count) bytes)", bytes: unit,
        fields: RelayUnits.fields(unit, demo: options.demo)))
  }

  private func send(
    _ bytes: [UInt8], to connection: TCPConnection, _ route: String, what: String,
    direction: RelayDirection
  ) {
    report(
      .unit(
        title: "[relay #\(id)] \(route): \(what) (\(bytes.count) bytes)", bytes: bytes,
        fields: RelayUnits.fields(bytes, demo: options.demo)))
    do {
      try connection.writeAll(bytes)
    } catch {
      say("could not send it: \(error)")
    }
  }

  private func say(_ text: String) {
    report(.line("[relay #\(id)] \(text)"))
  }

  /// One line for a failure to read from a peer.
  static func describe(_ error: any Error) -> String {
    switch error as? WireError {
    case .frameTooLarge(let length, let limit):
      return "a length prefix of \(length) bytes, over the \(limit)-byte limit"
    case .truncatedFrame(let received, let expected):
      return "the connection ended in the middle of a frame (\(received) of \(expected) bytes)"
    default:
      if let error = error as? SystemError, error.errno == ECONNRESET {
        return "reset its connection (it closed with data still unread)"
      }
      return "\(error)"
    }
  }
}
