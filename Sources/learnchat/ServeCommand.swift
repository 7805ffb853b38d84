import ArgumentParser
import LearnchatDemos

/// `learnchat serve`: the chat's server, wire-compatible with the original Python server.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Wait for clients and chat, one client at a time.",
    discussion: """
      Speaks the original demos' protocol, so the original Python client can connect. Unlike \
      the original it keeps serving after a chat ends or a client misbehaves; --once stops \
      after the first client.
      """)

  @Option(help: "The address to listen on.")
  var host = "0.0.0.0"

  @Flag(help: "Serve one client, then exit (the original's behaviour).")
  var once = false

  @OptionGroup var chat: ChatCommandOptions

  func run() throws {
    try CommandFailure.reporting {
      InterruptHandling.ignoreBrokenPipes()
      let end = try ChatServer(
        host: host, port: UInt16(chat.port), once: once, options: chat.chatOptions(),
        console: chat.console(), events: chat.keyboard()
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
    discussion: "Type a line to send it; `exit` (or the end of input) ends the chat.")

  @Argument(help: "The server's address or name.")
  var host: String

  @OptionGroup var chat: ChatCommandOptions

  func run() throws {
    try CommandFailure.reporting {
      InterruptHandling.ignoreBrokenPipes()
      let end = try ChatClient(
        host: host, port: UInt16(chat.port), options: chat.chatOptions(),
        console: chat.console(), events: chat.keyboard()
      ).run()
      if case .failed = end { throw ExitCode.failure }
    }
  }
}
