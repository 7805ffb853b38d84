import LearnchatWire
import Testing

/// `learnchat connect --demo 2` against servers written in the test that break the handshake:
/// each time it exits with status 1 and one `learnchat: ...` line on standard error.
@Suite("learnchat connect against hostile servers")
struct HostileServerTests {
  /// Starts `learnchat connect` against a listener of our own, lets `serve` act on the accepted
  /// connection, and returns the client's exit status, standard output and standard error.
  private func connect(
    _ arguments: [String] = [], serve: (TCPConnection) throws -> Void
  ) throws -> (status: Int32, output: String, errorOutput: String) {
    let listener = try TCPListener(host: "127.0.0.1", port: 0)
    defer { listener.close() }
    let client = try Learnchat.connect(port: listener.port, ["--demo", "2"] + arguments)
    defer { client.terminate() }
    let connection = try acceptWithinDeadline(listener)
    // Kept open until the client has gone, so its failure is its own, not our hanging up.
    defer { connection.close() }
    try serve(connection)
    let status = try client.waitForExit()
    return (status, client.output, client.errorOutput)
  }

  @Test("a public-key frame that is not PEM fails the handshake")
  func notPEM() throws {
    let run = try connect { connection in
      try FramedChannel(connection: connection).send(Array("hello, I am not a key".utf8))
    }
    #expect(run.status == 1)
    #expect(
      run.errorOutput.hasPrefix("learnchat: handshake failed: the server's public key is unusable"))
    #expect(run.errorOutput.filter { $0 == "\n" }.count == 1)
    #expect(!run.output.contains("Ready"))
  }

  @Test("a frame header of ff ff ff ff from the server is refused")
  func hugeFrameHeader() throws {
    let run = try connect { connection in
      try connection.writeAll([0xff, 0xff, 0xff, 0xff])
    }
    #expect(run.status == 1)
    #expect(
      run.errorOutput
        == "learnchat: handshake failed: frame of 4294967295 bytes exceeds the 1048576-byte limit; closing the connection\n"
    )
    #expect(!run.output.contains("Ready"))
  }

  @Test("a server that sends nothing is given up on after --handshake-timeout")
  func silentServer() throws {
    let run = try connect(["--handshake-timeout", "0.5"]) { _ in }
    #expect(run.status == 1)
    // Silence is what a server of another demo gives a demo-2 client: the line says so.
    #expect(
      run.errorOutput
        == "learnchat: handshake timed out: nothing arrived within 0.5 s; \(Self.silenceHint)\n")
    #expect(!run.output.contains("Ready"))
  }

  @Test("a server that hangs up at once fails the handshake")
  func serverHangsUp() throws {
    // Shut down, not just closed: a process spawned by a test running alongside could hold a
    // copy of the descriptor (accept sets close-on-exec only after the fact).
    let run = try connect { connection in try connection.shutdown(.both) }
    #expect(run.status == 1)
    #expect(
      run.errorOutput
        == "learnchat: handshake failed: the peer closed the connection before sending its "
        + "public key; \(Self.silenceHint)\n")
  }

  static let silenceHint =
    "a demo-1 server sends nothing until someone types, and a demo-3 server waits for the "
    + "client's hello (and gives up after its handshake timeout): is the server running --demo 2?"
}
