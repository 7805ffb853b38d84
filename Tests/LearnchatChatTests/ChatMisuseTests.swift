import Foundation
import LearnchatTestSupport
import LearnchatWire
import Testing

/// What a class gets wrong: the wrong port, a port in use, the wrong `--demo` on one side; and
/// the capture file of a chat, as Wireshark reads it.
@Suite("learnchat serve/connect: mistakes said plainly, and captures")
struct ChatMisuseTests {
  @Test("connecting where no server listens names the address and what to check")
  func connectionRefused() throws {
    // A port that was free a moment ago: bound, read, closed.
    let listener = try TCPListener(host: "127.0.0.1", port: 0)
    let port = listener.port
    listener.close()
    let client = try Learnchat.connect(port: port, ["--demo", "2"])
    defer { client.terminate() }
    try client.expectExit(1)
    #expect(
      client.errorOutput
        == "learnchat: connect to 127.0.0.1:\(port): connection refused (is learnchat serve "
        + "running there, on that port?)\n")
  }

  @Test("a port already in use names the address and suggests --port 0")
  func addressInUse() throws {
    let listener = try TCPListener(host: "127.0.0.1", port: 0)
    defer { listener.close() }
    let server = try ChatProcess(
      name: "learnchat serve", executable: Learnchat.url,
      arguments: ["serve", "--host", "127.0.0.1", "--port", String(listener.port)])
    defer { server.terminate() }
    try server.expectExit(1)
    #expect(
      server.errorOutput
        == "learnchat: listen on 127.0.0.1:\(listener.port): address already in use (another "
        + "server? try --port 0 for any free port)\n")
  }

  @Test("connect --port 0 is a usage error")
  func connectPortZero() throws {
    let client = try Learnchat.connect(port: 0, [])
    defer { client.terminate() }
    try client.expectExit(64)
    #expect(client.errorOutput.hasPrefix("Error: --port 0 only means \"any free port\" for serve"))
  }

  @Test("a demo-3 client at a demo-2 server is told what the server sent and what to try")
  func demo3ClientAtDemo2Server() throws {
    let (server, port) = try Learnchat.serve(["--demo", "2"])
    defer { server.terminate() }
    let known = FileManager.default.temporaryDirectory
      .appendingPathComponent("known-\(UUID().uuidString)").path
    let client = try Learnchat.connectDemo3(port: port, knownServers: known)
    defer { client.terminate() }
    try client.expectExit(1)
    #expect(
      client.errorOutput
        == "learnchat: handshake failed: the ServerHello is 451 bytes; demo 3 expects 128; the "
        + "server sent a PEM public key, as a demo-2 server sends first: is it running --demo 2? "
        + "(this side runs --demo 3)\n")
    // The server, for its part, saw a 32-byte frame where the wrapped key should be.
    try server.expectComplaint(startingWith: "[!] handshake failed: the wrapped session key")
    #expect(
      server.output.contains(
        "the client sent a 32-byte frame, like demo 3's ClientHello: is it running --demo 3?"))
  }

  @Test("typed text at a demo-2 server is recognised as a demo-1 client, not a huge frame")
  func demo1ClientAtDemo2Server() throws {
    let (server, port) = try Learnchat.serve(["--demo", "2"])
    defer { server.terminate() }
    let client = try Learnchat.connect(port: port, ["--demo", "1"])
    defer { client.terminate() }
    try client.waitForLine(containing: "I'm ready")
    let hint = try client.waitForLine(containing: "[!] That was not typed text")
    #expect(
      hint.contains(
        "a PEM public key, as a demo-2 server sends first: is the peer running --demo 2?"))
    try client.send("hello there")
    try server.expectComplaint(startingWith: "[!] handshake failed: frame of ")
    #expect(
      server.output.contains(
        "the client sent text (\"hello there\"), as a demo-1 (plaintext) peer sends: is it "
          + "running --demo 1? (this side runs --demo 2)"))
  }

  @Test(
    "--pcap: tshark reads both ends' captures cleanly, with the dissector's fields equal to what learnchat showed",
    .enabled(if: Tshark.shouldRun, Comment(rawValue: Tshark.skipReason)))
  func capture() throws {
    let files = try Demo3Files()
    defer { files.remove() }
    let folder = files.directory.path
    let (server, port) = try Learnchat.serve([
      "--demo", "2", "--once", "--show-wire", "--color", "never", "--pcap",
      folder + "/server.pcapng",
    ])
    defer { server.terminate() }
    let client = try Learnchat.connect(
      port: port, ["--demo", "2", "--pcap", folder + "/client.pcapng"])
    defer { client.terminate() }
    try client.waitForLine(containing: "Ready (encrypted channel)")
    try client.send("hello capture")
    let nonce = try server.waitForLine(containing: "nonce ")
    let tag = try server.waitForLine(containing: "tag ")
    try client.send("exit")
    try client.expectExit(0)
    try server.expectExit(0)
    // The field tables' values: `nonce  4  12  xx xx ...`.
    let shownNonce = nonce.split(separator: " ").dropFirst(3).joined()
    let shownTag = tag.split(separator: " ").dropFirst(3).joined()

    for name in ["server", "client"] {
      let file = folder + "/\(name).pcapng"
      let trouble = try Tshark.trouble(file: file, in: folder, reading: "learnchat")
      #expect(trouble.status == 0, "\(name): \(trouble.standardError)")
      #expect(trouble.standardOutput.isEmpty, "\(name): \(trouble.standardOutput)")
      #expect(trouble.complaints.isEmpty, "\(name): \(trouble.complaints)")
      let fields = try Tshark.run(
        Tshark.decodingEveryPort(as: "learnchat", file: file, in: folder) + [
          "-Y", "learnchat.nonce", "-T", "fields", "-e", "learnchat.nonce", "-e", "learnchat.tag",
          "-e", "learnchat.length",
        ],
        file: file, in: folder)
      let rows = fields.standardOutput.split(separator: "\n").map {
        $0.split(separator: "\t").map(String.init)
      }
      // Two message frames from the client: "hello capture", then "exit".
      #expect(rows.count == 2, "\(name): \(fields.standardOutput)")
      #expect(rows.first?.first?.replacingOccurrences(of: ":", with: "") == shownNonce, "\(name)")
      #expect(
        rows.first?.dropFirst().first?.replacingOccurrences(of: ":", with: "") == shownTag,
        "\(name)")
      // A segment may hold more than one frame (a read that took two): its lengths are listed.
      let lengths = rows.first?.last?.split(separator: ",").map(String.init) ?? []
      #expect(lengths.contains(String(12 + 13 + 16)), "\(name): \(lengths)")
    }
  }
}
