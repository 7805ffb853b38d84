import ArgumentParser
import LearnchatChat
import LearnchatDemos
import LearnchatLessons
import LearnchatWire

/// Options shared by `serve` and `connect`.
struct ChatCommandOptions: ParsableArguments {
  @Option(
    help: """
      Which demo: 1 (plaintext), 2 (RSA handshake + AES-GCM) or 3 (X25519 + Ed25519-signed \
      handshake, per-direction keys, counted nonces).
      """)
  var demo = 2

  @Option(help: "The TCP port (0 for any free port when serving).")
  var port = 5002

  @Flag(help: "Show every frame sent or received as a labelled hex dump.")
  var showWire = false

  @Option(help: ArgumentHelp("The largest frame body accepted from the peer.", valueName: "BYTES"))
  var maxFrame = FrameDecoder.defaultMaximumBodySize

  @Option(help: ArgumentHelp("How long the handshake waits for the peer.", valueName: "SECONDS"))
  var handshakeTimeout = 10.0

  @Option(
    help: ArgumentHelp(
      "Record the connections in a capture file (pcapng) for Wireshark or tshark.",
      valueName: "FILE"))
  var pcap: String?

  @OptionGroup var display: DisplayOptions

  /// The smallest `--max-frame` that still lets a demo-2 handshake through (a 451-byte key).
  static let smallestMaximumFrame = 512

  func validate() throws {
    _ = try ChatDemo.named(demo)
    guard (0...65535).contains(port) else {
      throw ValidationError("--port must be between 0 and 65535, not \(port)")
    }
    guard (Self.smallestMaximumFrame...Int(UInt32.max)).contains(maxFrame) else {
      throw ValidationError(
        "--max-frame must be between \(Self.smallestMaximumFrame) and \(UInt32.max) bytes")
    }
    guard handshakeTimeout > 0, handshakeTimeout <= 3600 else {
      throw ValidationError("--handshake-timeout must be more than 0 and at most 3600 seconds")
    }
    try display.validate()
  }

  /// The chat's settings, with a hex-dump renderer when `--show-wire` is on.
  func chatOptions() throws -> ChatOptions {
    var options = ChatOptions(
      demo: try ChatDemo.named(demo), maximumFrameSize: maxFrame, handshakeTimeout: handshakeTimeout
    )
    if showWire {
      let renderer = HexDumpRenderer(settings: display.settings(), full: display.full)
      options.showWire = { event in
        let arrow = event.direction == .sent ? "→ sent" : "← received"
        return renderer.render(
          HexDump(
            bytes: event.bytes, fields: event.fields,
            title: "\(arrow): \(event.title) (\(event.bytes.count) bytes)"))
      }
    }
    options.capture = pcap.map { CaptureLog(path: $0) }
    return options
  }

  /// The console and the keyboard: on a terminal, libedit's line editor (which the caller stops
  /// before exiting, to give the terminal back); otherwise lines read as they come, no prompt.
  ///
  /// - Throws: `SystemError` when the keyboard's thread cannot be started.
  func terminal() throws -> (console: ChatConsole, events: ChatEventQueue, editor: LineEditor?) {
    let events = ChatEventQueue()
    let interactive =
      TerminalDevice.standardInputIsTerminal && TerminalDevice.standardOutputIsTerminal
    if interactive, let editor = LineEditor() {
      try editor.start(posting: events)
      return (
        ChatConsole(showsPrompt: true, editor: editor, write: StandardOutput.write), events, editor
      )
    }
    try events.startReadingLines()
    return (
      ChatConsole(
        showsPrompt: TerminalDevice.standardInputIsTerminal, write: StandardOutput.write),
      events, nil
    )
  }
}
