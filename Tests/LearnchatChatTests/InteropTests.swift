import Testing

/// learnchat against the re-created original Python chat, and against itself, over 127.0.0.1.
@Suite("Chat interop: learnchat and the original Python chat")
struct InteropTests {
  /// Both sides ready, then messages both ways, one at a time: each is awaited on the other
  /// side before the next is sent, since demo 1's unframed messages may glue together.
  private func exchange(
    server: ChatProcess, serverIsPython: Bool, client: ChatProcess, clientIsPython: Bool,
    demo: Int
  ) throws {
    try server.waitForLine(containing: readyLine(demo: demo))
    try client.waitForLine(containing: readyLine(demo: demo))
    let messages = [
      (from: client, to: server, toPython: serverIsPython, text: "hello from the client"),
      (from: server, to: client, toPython: clientIsPython, text: "hello from the server"),
      (from: client, to: server, toPython: serverIsPython, text: "Grüße 👋"),
      (from: server, to: client, toPython: clientIsPython, text: "Grüße zurück 👋 ✓"),
    ]
    for message in messages {
      try message.from.send("  \(message.text)  ")
      let line = try message.to.waitForLine(containing: "[Peer]")
      // learnchat prints the line alone; the Python peer's may follow its `You: ` prompts.
      let shown = message.toPython ? line.withoutPrompts : line
      #expect(shown == "[Peer]: \(message.text)")
    }
  }

  @Test(
    "learnchat serve chats with the original client; the client's exit ends it",
    .enabled(if: OriginalChat.isAvailable), arguments: [1, 2])
  func learnchatServerPythonClient(demo: Int) throws {
    let (server, port) = try Learnchat.serve(["--demo", String(demo), "--once"])
    defer { server.terminate() }
    let client = try OriginalChat.connect(port: port, demo: demo)
    defer { client.terminate() }
    try server.waitForLine(containing: "[*] Connection from ('127.0.0.1', ")
    if demo == 2 {
      try server.waitForLine(containing: "[*] Handshake complete: symmetric key established")
    }
    try exchange(
      server: server, serverIsPython: false, client: client, clientIsPython: true, demo: demo)
    try client.send("exit")
    try server.waitForLine(containing: "[Peer exited]")
    try server.expectExit()
    try client.expectExit()
    #expect(!server.output.contains("[!]"))
    #expect(server.errorOutput.isEmpty)
  }

  @Test(
    "learnchat connect chats with the original server; typing exit ends it",
    .enabled(if: OriginalChat.isAvailable), arguments: [1, 2])
  func pythonServerLearnchatClient(demo: Int) throws {
    let (server, port) = try OriginalChat.serve(demo: demo)
    defer { server.terminate() }
    let client = try Learnchat.connect(port: port, ["--demo", String(demo)])
    defer { client.terminate() }
    if demo == 2 {
      try client.waitForLine(containing: "[*] Handshake complete: symmetric key established")
    }
    try exchange(
      server: server, serverIsPython: true, client: client, clientIsPython: false, demo: demo)
    try client.send("exit")
    let exited = try server.waitForLine(containing: "[Peer exited]")
    #expect(exited.withoutPrompts == "[Peer exited]")
    try client.expectExit()
    try server.expectExit()
    #expect(client.errorOutput.isEmpty)
    #expect(!client.output.contains("[Peer disconnected]"))
  }

  @Test("learnchat connect chats with learnchat serve", arguments: [1, 2])
  func learnchatToLearnchat(demo: Int) throws {
    let (server, port) = try Learnchat.serve(["--demo", String(demo), "--once"])
    defer { server.terminate() }
    let client = try Learnchat.connect(port: port, ["--demo", String(demo)])
    defer { client.terminate() }
    try exchange(
      server: server, serverIsPython: false, client: client, clientIsPython: false, demo: demo)
    try client.send("exit")
    try server.waitForLine(containing: "[Peer exited]")
    try client.expectExit()
    try server.expectExit()
    #expect(client.errorOutput.isEmpty && server.errorOutput.isEmpty)
  }

  @Test(
    "the end of learnchat connect's input sends exit to the original server",
    .enabled(if: OriginalChat.isAvailable), arguments: [1, 2])
  func endOfInputSendsExit(demo: Int) throws {
    let (server, port) = try OriginalChat.serve(demo: demo)
    defer { server.terminate() }
    let client = try Learnchat.connect(port: port, ["--demo", String(demo)])
    defer { client.terminate() }
    try server.waitForLine(containing: readyLine(demo: demo))
    try client.waitForLine(containing: readyLine(demo: demo))
    client.closeInput()
    let line = try server.waitForLine(containing: "[Peer")
    #expect(line.withoutPrompts == "[Peer exited]", "\(server.output)\n\(client.output)")
    try client.expectExit()
    try server.expectExit()
  }
}
