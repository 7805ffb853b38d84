import Foundation
import LearnchatTestSupport
import LearnchatWire
import Testing

/// `learnchat intercept` between real chats, learnchat's and the original Python scripts':
/// what each attack makes the victims print.
@Suite("learnchat intercept")
struct InterceptTests {
  /// Starts the relay on a free port in front of `port`; returns it once it listens.
  static func relay(to port: UInt16, _ arguments: [String]) throws -> (ChatProcess, UInt16) {
    let relay = try ChatProcess(
      name: "learnchat intercept", executable: Learnchat.url,
      arguments: [
        "intercept", "--listen", "127.0.0.1:0", "--to", "127.0.0.1:\(port)", "--color", "never",
        // Wide enough that no dump title is wrapped onto a second line.
        "--width", "300",
      ] + arguments)
    let line = try relay.waitForLine(containing: "[relay] Listening on 127.0.0.1:")
    guard
      let listening = UInt16(
        line.dropFirst("[relay] Listening on 127.0.0.1:".count).prefix { $0.isNumber })
    else {
      relay.terminate()
      throw ChatProcessError(description: "no port in \"\(line)\"")
    }
    return (relay, listening)
  }

  /// A learnchat server, a relay with `attack` in front of it, and a learnchat client through
  /// the relay, all three chatting.
  struct Chat {
    let server: ChatProcess
    let relay: ChatProcess
    let client: ChatProcess

    init(
      demo: Int = 2, attack: String, serverArguments: [String] = [], clientArguments: [String] = [],
      relayArguments: [String] = []
    ) throws {
      let (server, port) = try Learnchat.serve(
        ["--demo", String(demo), "--once"] + serverArguments)
      let (relay, relayPort) = try InterceptTests.relay(
        to: port, ["--demo", String(demo), "--attack", attack, "--once"] + relayArguments)
      let client = try Learnchat.connect(
        port: relayPort, ["--demo", String(demo)] + clientArguments)
      (self.server, self.relay, self.client) = (server, relay, client)
    }

    func stop() {
      client.terminate()
      relay.terminate()
      server.terminate()
    }

    func ready() throws {
      try client.waitForLine(containing: "Ready (encrypted channel)")
      try server.waitForLine(containing: "Ready (encrypted channel)")
    }
  }

  @Test("none: the chat goes on as usual, and the relay shows each frame passed on")
  func eavesdrop() throws {
    let chat = try Chat(attack: "none")
    defer { chat.stop() }
    try chat.ready()
    try chat.client.send("hello")
    try chat.server.expectLine(containing: "[Peer]", toBe: "[Peer]: hello")
    // 4 bytes of length, 12 of nonce, 5 of ciphertext, 16 of tag.
    try chat.relay.waitForLine(
      containing: "client → server: client message 0 (37 bytes), passed on")
    try chat.server.send("hi back")
    try chat.client.expectLine(containing: "[Peer]", toBe: "[Peer]: hi back")
    try chat.relay.waitForLine(containing: "server → client: message frame (39 bytes), passed on")
  }

  @Test("replay: the server prints the client's message twice")
  func replay() throws {
    let chat = try Chat(attack: "replay")
    defer { chat.stop() }
    try chat.ready()
    try chat.client.send("pay 10 coins")
    try chat.server.expectLine(containing: "[Peer]", toBe: "[Peer]: pay 10 coins")
    try chat.server.expectLine(containing: "[Peer]", toBe: "[Peer]: pay 10 coins")
  }

  @Test("reflection: the client shows its own message as the server's")
  func reflection() throws {
    let chat = try Chat(attack: "reflection")
    defer { chat.stop() }
    try chat.ready()
    try chat.client.send("I owe you nothing")
    try chat.client.expectLine(containing: "[Peer]", toBe: "[Peer]: I owe you nothing")
    try chat.server.expectLine(containing: "[Peer]", toBe: "[Peer]: I owe you nothing")
  }

  @Test("tamper-bit: the server cannot open the changed frame")
  func tamperBit() throws {
    let chat = try Chat(attack: "tamper-bit")
    defer { chat.stop() }
    try chat.ready()
    try chat.client.send("meet at noon")
    try chat.server.waitForLine(containing: "[!] Failed to decrypt message")
    try chat.relay.waitForLine(containing: "lowest bit of byte 16 flipped")
    #expect(!chat.server.output.contains("[Peer]: meet"))
  }

  @Test("drop and reorder: the server misses a message, or gets two swapped")
  func dropAndReorder() throws {
    let dropped = try Chat(attack: "drop")
    defer { dropped.stop() }
    try dropped.ready()
    for text in ["zero", "one", "two"] { try dropped.client.send(text) }
    try dropped.server.expectLine(containing: "[Peer]", toBe: "[Peer]: zero")
    try dropped.server.expectLine(containing: "[Peer]", toBe: "[Peer]: two")

    let reordered = try Chat(attack: "reorder")
    defer { reordered.stop() }
    try reordered.ready()
    for text in ["zero", "one"] { try reordered.client.send(text) }
    try reordered.server.expectLine(containing: "[Peer]", toBe: "[Peer]: one")
    try reordered.server.expectLine(containing: "[Peer]", toBe: "[Peer]: zero")
  }

  @Test("tamper-length and oversized-length: the server is thrown out of step, or refuses")
  func lengths() throws {
    let longer = try Chat(attack: "tamper-length")
    defer { longer.stop() }
    try longer.ready()
    try longer.client.send("zero")
    try longer.client.send("one")
    try longer.server.waitForLine(containing: "[!] Failed to decrypt message")
    #expect(!longer.server.output.contains("[Peer]: zero"))

    let huge = try Chat(attack: "oversized-length")
    defer { huge.stop() }
    try huge.server.expectLine(
      containing: "[!] frame",
      toBe: "[!] frame of 4294967295 bytes exceeds the 1048576-byte limit; closing the connection")
  }

  @Test("mitm on demo 2: the relay reads every message, and the chat goes on unaware")
  func mitmDemo2() throws {
    let chat = try Chat(attack: "mitm")
    defer { chat.stop() }
    try chat.ready()
    try chat.relay.waitForLine(containing: "stole the session key: ")
    try chat.client.send("the password is swordfish")
    try chat.server.expectLine(containing: "[Peer]", toBe: "[Peer]: the password is swordfish")
    try chat.relay.waitForLine(
      containing: "client wrote (decrypted with the stolen key): the password is swordfish")
    try chat.server.send("thanks")
    try chat.relay.waitForLine(containing: "server wrote (decrypted with the stolen key): thanks")
  }

  @Test("mitm on demo 3: a client given the server's fingerprint refuses the relay")
  func mitmDemo3() throws {
    let demo3 = try Demo3Server(["--once"])
    defer { demo3.stop() }
    let (relay, relayPort) = try Self.relay(
      to: demo3.port, ["--demo", "3", "--attack", "mitm", "--once"])
    defer { relay.terminate() }
    let client = try Learnchat.connectDemo3(
      port: relayPort, knownServers: demo3.knownServers, ["--fingerprint", demo3.fingerprint],
      acceptNew: false)
    defer { client.terminate() }
    try client.expectExit(1)
    #expect(client.errorOutput.contains("does not match the one given with --fingerprint"))
    try relay.waitForLine(containing: "it refused the relay's identity. The attack failed.")
    #expect(!demo3.server.output.contains("[Peer]:"))
  }

  @Test("replay on demo 3: the server rejects the copy, with the reason said by the relay")
  func replayDemo3() throws {
    let demo3 = try Demo3Server(["--once"])
    defer { demo3.stop() }
    let (relay, relayPort) = try Self.relay(
      to: demo3.port, ["--demo", "3", "--attack", "replay", "--once"])
    defer { relay.terminate() }
    let client = try Learnchat.connectDemo3(port: relayPort, knownServers: demo3.knownServers)
    defer { client.terminate() }
    try client.waitForLine(containing: "Ready (encrypted channel)")
    try client.send("pay 10 coins")
    try demo3.server.expectLine(containing: "[Peer]", toBe: "[Peer]: pay 10 coins")
    try demo3.server.waitForLine(containing: "[!] message 1 failed authentication")
    try relay.waitForLine(
      containing: "demo 3: expect this to fail: the copy would need message number")
  }

  @Test(
    "between the original Python scripts: the man in the middle works on them too",
    .enabled(if: OriginalChat.isAvailable))
  func originals() throws {
    let (server, port) = try OriginalChat.serve(demo: 2)
    defer { server.terminate() }
    let (relay, relayPort) = try Self.relay(
      to: port, ["--demo", "2", "--attack", "mitm", "--once"])
    defer { relay.terminate() }
    let client = try OriginalChat.connect(port: relayPort, demo: 2)
    defer { client.terminate() }
    try client.waitForLine(containing: "Ready (encrypted channel)")
    try client.send("from the original client")
    // The original prints its `You: ` prompt without a newline: the line may start with it.
    try server.waitForLine(containing: "[Peer]: from the original client")
    try relay.waitForLine(
      containing: "client wrote (decrypted with the stolen key): from the original client")
  }

  @Test(
    "a client that sends ff ff ff ff to the relay gets one line and a closed connection; the next is relayed"
  )
  func hostileClient() throws {
    let (server, port) = try Learnchat.serve(["--demo", "2"])
    defer { server.terminate() }
    let (relay, relayPort) = try Self.relay(to: port, ["--demo", "2"])
    defer { relay.terminate() }
    let hostile = try rawConnection(port: relayPort)
    defer { hostile.close() }
    try hostile.writeAll([0xFF, 0xFF, 0xFF, 0xFF])
    try relay.waitForLine(
      containing:
        "client: a length prefix of 4294967295 bytes, over the 1048576-byte limit; closing both connections"
    )
    #expect(peerCloses(hostile))
    let client = try Learnchat.connect(port: relayPort, ["--demo", "2"])
    defer { client.terminate() }
    try client.waitForLine(containing: "Ready (encrypted channel)")
    let peak = try relay.peakMemory()
    #expect(peak < 64 << 20)
  }

  @Test(
    "--pcap: both of the relay's connections, read cleanly by tshark",
    .enabled(if: Tshark.shouldRun, Comment(rawValue: Tshark.skipReason)))
  func capture() throws {
    let files = try Demo3Files()
    defer { files.remove() }
    let folder = files.directory.path
    let chat = try Chat(attack: "replay", relayArguments: ["--pcap", folder + "/relay.pcapng"])
    defer { chat.stop() }
    try chat.ready()
    try chat.client.send("twice")
    try chat.server.expectLine(containing: "[Peer]", toBe: "[Peer]: twice")
    try chat.server.expectLine(containing: "[Peer]", toBe: "[Peer]: twice")
    try chat.client.send("exit")
    try chat.relay.expectExit(0)
    let streams = try Tshark.run(
      ["-T", "fields", "-e", "tcp.stream"], file: folder + "/relay.pcapng", in: folder)
    #expect(Set(streams.standardOutput.split(separator: "\n")) == ["0", "1"])
    let trouble = try Tshark.trouble(file: folder + "/relay.pcapng", in: folder)
    #expect(trouble.standardOutput.isEmpty, "\(trouble.standardOutput)")
    #expect(trouble.complaints.isEmpty, "\(trouble.complaints)")
  }
}
