import Dispatch
import LearnchatCrypto
import LearnchatDemos
import LearnchatWire
import Synchronization

/// The man in the middle of demo 3: toward the client the relay plays the server, signing the
/// handshake with its own identity key; toward the server it plays a client. A client that
/// pinned the real server (or was given its fingerprint) refuses the relay's identity and hangs
/// up; one that trusts any new server on first use is fooled, which is the one weakness of
/// trust on first use, and the relay then reads every message, as it would in demo 2.
final class Demo3ImpostorSession: Sendable {
  private let id: Int
  private let client: TCPConnection
  private let server: TCPConnection
  private let identity: Ed25519.PrivateKey
  private let options: InterceptOptions
  private let report: @Sendable (InterceptEvent) -> Void

  init(
    id: Int, client: TCPConnection, server: TCPConnection, identity: Ed25519.PrivateKey,
    options: InterceptOptions, report: @escaping @Sendable (InterceptEvent) -> Void
  ) {
    self.id = id
    self.client = client
    self.server = server
    self.identity = identity
    self.options = options
    self.report = report
  }

  func run() {
    defer {
      client.close()
      server.close()
    }
    let clientFrames = FramedChannel(connection: client, maximumBodySize: options.maximumFrameSize)
    let serverFrames = FramedChannel(connection: server, maximumBodySize: options.maximumFrameSize)
    let serverIdentity = Mutex<Ed25519.PublicKey?>(nil)
    let asServer = Demo3.ServerHandshake(framed: clientFrames, identity: identity)
    let asClient = Demo3.ClientHandshake(framed: serverFrames) { key in
      serverIdentity.withLock { $0 = key }
    }
    let channels: (toClient: Demo3.Channel, toServer: Demo3.Channel)
    // The hellos are shown as the sockets wrote and read them, from taps held for the handshake.
    var clientWire = TapCursor(client)
    var serverWire = TapCursor(server)
    do {
      let clientHello = try asServer.receiveClientHello()
      show("client → relay: ClientHello frame, kept", clientWire.take(.received))
      let ephemeral = try asClient.sendClientHello()
      show("relay → server: the relay's own ClientHello frame", serverWire.take(.sent))
      let serverSide = try asClient.receiveServerHello(ephemeral: ephemeral)
      show("server → relay: ServerHello frame, kept", serverWire.take(.received))
      let clientSide = try asServer.sendServerHello(clientHello: clientHello)
      show(
        "relay → client: a ServerHello signed with the relay's own identity",
        clientWire.take(.sent))
      let real = try serverIdentity.withLock { $0 }.map { try Demo3.fingerprint(of: $0) } ?? "?"
      say(
        "mitm: the client sees the relay's identity \(try Demo3.fingerprint(of: identity.publicKey)) "
          + "instead of the server's \(real); \(InterceptAttack.mitm.demo3Reason ?? "")")
      channels = (
        try Demo3.Channel(framed: clientFrames, keys: clientSide.keys, role: .server),
        try Demo3.Channel(framed: serverFrames, keys: serverSide.keys, role: .client)
      )
    } catch {
      say("mitm: the handshake failed: \(error); closing both connections")
      return
    }
    // The rest of the chat is shown message by message; the taps are not kept for it.
    clientWire.release()
    serverWire.release()
    let done = DispatchSemaphore(value: 0)
    do {
      try DetachedThread.start { [self] in
        relay(from: channels.toServer, to: channels.toClient, sender: "server")
        CryptoThread.releaseState()
        done.signal()
      }
    } catch {
      say("mitm: no thread to relay the server's side on: \(error); closing both connections")
      return
    }
    relay(from: channels.toClient, to: channels.toServer, sender: "client")
    done.wait()
  }

  /// Opens each message from `source` and seals it again for `destination`.
  private func relay(
    from source: Demo3.Channel, to destination: Demo3.Channel, sender: String
  ) {
    var count = 0
    while true {
      do {
        guard let received = try source.receive() else {
          if sender == "client" && count == 0 {
            say(
              "the client hung up right after the relay's ServerHello: it refused the relay's "
                + "identity. The attack failed.")
          } else {
            say("the \(sender) closed its connection")
          }
          try? (sender == "client" ? server : client).shutdown(.write)
          return
        }
        count += 1
        let text = ChatText.displayable(received.plaintext)
        say("\(sender) wrote (the client trusted the relay, so it can read): \(text)")
        _ = try destination.send(text)
      } catch {
        say("\(sender): \(error); closing both connections")
        client.close()
        server.close()
        return
      }
    }
  }

  private func show(_ title: String, _ bytes: [UInt8]) {
    report(
      .unit(
        title: "[relay #\(id)] \(title) (\(bytes.count) bytes)", bytes: bytes,
        fields: RelayUnits.fields(bytes, demo: .demo3)))
  }

  private func say(_ text: String) {
    report(.line("[relay #\(id)] \(text)"))
  }
}
