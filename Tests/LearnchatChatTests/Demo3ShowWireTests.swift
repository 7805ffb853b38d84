import Foundation
import Testing

@Suite("learnchat serve/connect --demo 3 --show-wire")
struct Demo3ShowWireTests {
  @Test("the ClientHello, the ServerHello and each message frame are dumped with their fields")
  func framesAreDumped() throws {
    let display = ["--show-wire", "--color", "never", "--width", "100"]
    let demo3 = try Demo3Server(["--once"] + display)
    defer { demo3.stop() }
    let client = try demo3.connect(display)
    defer { client.terminate() }

    // 4 bytes of length, then the client's 32-byte ephemeral key.
    try client.waitForLine(containing: "→ sent: ClientHello frame (36 bytes)")
    try client.waitForLine(containing: "00000000  00 00 00 20 ")
    try client.waitForLine(containing: "body: ephemeral (X25519)")
    try demo3.server.waitForLine(containing: "← received: ClientHello frame (36 bytes)")
    // 4 bytes of length, then the body: identity (32), ephemeral (32), signature (64). The
    // fields say they are the body's, which is what is signed and hashed.
    try demo3.server.waitForLine(containing: "→ sent: ServerHello frame (132 bytes)")
    try demo3.server.waitForLine(containing: "00000000  00 00 00 80 ")
    for (name, offset, length) in [
      ("body: identity (Ed25519)", 4, 32), ("body: ephemeral (X25519)", 36, 32),
      ("body: signature (Ed25519)", 68, 64),
    ] {
      let row = try demo3.server.waitForLine(containing: name)
      let fields = row.dropFirst(name.count).split(separator: " ").prefix(2)
      #expect(Array(fields) == ["\(offset)", "\(length)"], "\(row)")
    }
    try client.waitForLine(containing: "← received: ServerHello frame (132 bytes)")
    try demo3.server.waitForLine(containing: "Ready (encrypted channel)")
    try client.waitForLine(containing: "Ready (encrypted channel)")

    // "hi": 4 (length) + 2 (ciphertext) + 16 (tag) bytes, no nonce.
    try client.send("hi")
    try client.waitForLine(containing: "→ sent: message frame (22 bytes)")
    try demo3.server.waitForLine(containing: "← received: message frame (22 bytes)")
    try demo3.server.waitForLine(containing: "00000000  00 00 00 12 ")
    try demo3.server.waitForLine(containing: "length (authenticated)")
    try demo3.server.waitForLine(containing: "ciphertext")
    try demo3.server.waitForLine(containing: "tag")
    try demo3.server.expectLine(containing: "[Peer]", toBe: "[Peer]: hi")
    #expect(!demo3.server.output.contains("nonce"))

    try client.send("exit")
    try demo3.server.waitForLine(containing: "[Peer exited]")
    try demo3.server.expectExit()
    try client.expectExit()
  }
}
