import Foundation
import Testing

@Suite("learnchat serve --show-wire")
struct ShowWireTests {
  @Test(
    "every frame of a chat with the original client is dumped with its fields",
    .enabled(if: OriginalChat.isAvailable))
  func framesAreDumped() throws {
    let (server, port) = try Learnchat.serve([
      "--demo", "2", "--once", "--show-wire", "--color", "never",
    ])
    defer { server.terminate() }
    let client = try OriginalChat.connect(port: port, demo: 2)
    defer { client.terminate() }

    // 4 bytes of length, then the 451-byte PEM of an RSA-2048 key.
    try server.waitForLine(containing: "→ sent: public-key frame (455 bytes)")
    try server.waitForLine(containing: "00000000  00 00 01 c3 2d 2d 2d 2d  2d 42 45 47 49 4e 20 50")
    try server.waitForLine(containing: "451 bytes follow (0x000001c3, big-endian)")
    // 4 bytes of length, then the 256-byte RSA-OAEP ciphertext.
    try server.waitForLine(containing: "← received: wrapped-key frame (260 bytes)")
    try server.waitForLine(containing: "Ready (encrypted channel)")
    try client.waitForLine(containing: "Ready (encrypted channel)")

    // "hi": 4 + 12 (nonce) + 2 (ciphertext) + 16 (tag) bytes.
    try client.send("hi")
    try server.waitForLine(containing: "← received: message frame (34 bytes)")
    let dump = [
      try server.waitForLine(containing: "00000000  00 00 00 1e "),
      try server.waitForLine(containing: "00000010  "),
      try server.waitForLine(containing: "00000020  "),
    ]
    try server.waitForLine(containing: "30 bytes follow (0x0000001e, big-endian)")
    let tagRow = try server.waitForLine(containing: "tag")
    try server.expectLine(containing: "[Peer]", toBe: "[Peer]: hi")

    // The tag row's value is the frame's last 16 bytes, as the dump above shows them.
    let dumped = dump.flatMap { line in
      line.dropFirst(10).prefix(48).split(separator: " ").map(String.init)
    }
    #expect(dumped.count == 34)
    let fields = tagRow.split(separator: " ").map(String.init)
    #expect(fields.prefix(3) == ["tag", "18", "16"])
    #expect(Array(fields.dropFirst(3)) == Array(dumped.suffix(16)))

    try client.send("exit")
    try server.waitForLine(containing: "[Peer exited]")
    try server.expectExit()
    #expect(server.rawOutput.firstIndex(of: 0x1B) == nil)
  }
}
