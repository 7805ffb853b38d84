import ArgumentParser
import LearnchatChat
import LearnchatDemos
import LearnchatLessons

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `learnchat serve`: the chat's server, wire-compatible with the original Python server.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Wait for clients and chat, one client at a time.",
    discussion: """
      Demos 1 and 2 speak the original demos' protocol, so the original Python client can \
      connect; demo 3 is the fixed protocol (docs/demo-3-protocol.md) and signs its handshake \
      with the server's identity key (--identity). Unlike the original it keeps serving after a chat ends or a client misbehaves; --once stops \
      after the first client.
      """)

  @Option(help: "The address to listen on.")
  var host = "0.0.0.0"

  @Flag(help: "Serve one client, then exit (the original's behaviour).")
  var once = false

  @Option(
    help: ArgumentHelp(
      """
      Demo 3: the server's Ed25519 identity key (PKCS#8 PEM), created if missing \
      (default: $XDG_CONFIG_HOME/learnchat/server-identity.pem, else \
      ~/.config/learnchat/server-identity.pem).
      """, valueName: "FILE"))
  var identity: String?

  @OptionGroup var chat: ChatCommandOptions

  func validate() throws {
    if identity != nil && chat.demo != 3 {
      throw ValidationError("--identity is for --demo 3 only")
    }
  }

  func run() throws {
    try CommandFailure.reporting {
      if let pcap = chat.pcap { try OutputFile.checkWritable(pcap) }
      InterruptHandling.ignoreBrokenPipes()
      let (console, events, editor) = try chat.terminal()
      defer { editor?.stop() }
      var options = try chat.chatOptions()
      if chat.demo == 3 {
        let path =
          try identity
          ?? ServerIdentity.defaultPath(environment: ProcessInfo.processInfo.environment)
        // Folders are made only for the default place: a mistyped --identity path must not
        // quietly become a new identity that every pinned client refuses.
        let loaded = try ServerIdentity.loadOrCreate(path: path, creatingFolders: identity == nil)
        if loaded.created { console.line("[*] Created a new identity key in \(path)") }
        options.identity = loaded.key
      }
      let end = try ChatServer(
        host: host, port: UInt16(chat.port), once: once, options: options,
        console: console, events: events
      ).run()
      if case .failed = end { throw ExitCode.failure }
    }
  }
}

/// `learnchat connect HOST`: the chat's client, wire-compatible with the original Python client.
struct ConnectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "connect",
    abstract: "Connect to a chat server and chat.",
    discussion: """
      Type a line to send it; `exit` (or the end of input) ends the chat. With --demo 3 the \
      server's identity is trusted on first use and pinned in the known-servers file, like \
      SSH's known_hosts; a different identity later is refused.
      """)

  @Argument(help: "The server's address or name.")
  var host: String

  @Option(
    help: ArgumentHelp(
      """
      Demo 3: the pinned server fingerprints, one `HOST:PORT SHA256:...` line each \
      (default: $XDG_CONFIG_HOME/learnchat/known_servers, else \
      ~/.config/learnchat/known_servers).
      """, valueName: "FILE"))
  var knownServers: String?

  @Option(
    help: ArgumentHelp(
      "Demo 3: accept only the server with this fingerprint, checked out of band.",
      valueName: "SHA256:..."))
  var fingerprint: String?

  @Flag(
    help: """
      Demo 3: trust and pin a server seen for the first time without asking (a changed identity \
      is still refused).
      """)
  var acceptNew = false

  @OptionGroup var chat: ChatCommandOptions

  func validate() throws {
    if chat.demo != 3 && (knownServers != nil || fingerprint != nil || acceptNew) {
      throw ValidationError("--known-servers, --fingerprint and --accept-new are for --demo 3 only")
    }
    if chat.port == 0 {
      throw ValidationError(
        "--port 0 only means \"any free port\" for serve; give the server's port")
    }
    if let fingerprint, !KnownServers.isFingerprint(fingerprint) {
      throw ValidationError(
        "--fingerprint must be SHA256: and 43 base64 characters, as the server prints it")
    }
  }

  func run() throws {
    try CommandFailure.reporting {
      if let pcap = chat.pcap { try OutputFile.checkWritable(pcap) }
      InterruptHandling.ignoreBrokenPipes()
      var options = try chat.chatOptions()
      if chat.demo == 3 {
        let file = KnownServersFile(
          path: try knownServers
            ?? KnownServersFile.defaultPath(environment: ProcessInfo.processInfo.environment))
        options.pinning = ServerPinning(
          server: KnownServers.server(host: host, port: UInt16(chat.port)), file: file,
          known: try file.load(), expected: fingerprint, acceptNew: acceptNew)
      }
      let (console, events, editor) = try chat.terminal()
      defer { editor?.stop() }
      if TerminalDevice.standardInputIsTerminal {
        options.ask = { question in console.ask(question, events: events) }
      }
      let end = try ChatClient(
        host: host, port: UInt16(chat.port), options: options, console: console, events: events
      ).run()
      if case .failed = end { throw ExitCode.failure }
    }
  }
}
