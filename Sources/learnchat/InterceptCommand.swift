import ArgumentParser
import LearnchatChat
import LearnchatDemos
import LearnchatLessons
import LearnchatWire

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension InterceptAttack: ExpressibleByArgument {}

/// `learnchat intercept`: a relay between a chat's client and its server that shows, and
/// attacks, the live traffic.
struct InterceptCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "intercept",
    abstract: "Sit between a chat's client and server: show every frame, and attack them live.",
    discussion: """
      Clients connect to --listen; for each, the relay connects to --to and passes the bytes \
      both ways, showing each frame as a labelled hex dump and what it did with it. --attack \
      applies lesson 3's attacks: \(InterceptAttack.allCases.map(\.rawValue).joined(separator: ", ")). \
      On a terminal, type replay, flip, drop, reflect or help while the chat runs (with \
      --attack mitm on demo 2, say TEXT injects a message sealed with the stolen key).
      """)

  @Option(help: ArgumentHelp("Where clients connect: [HOST:]PORT.", valueName: "[HOST:]PORT"))
  var listen: String

  @Option(help: ArgumentHelp("The real server: HOST:PORT.", valueName: "HOST:PORT"))
  var to: String

  @Option(help: "Which demo the chat speaks: 1, 2 or 3.")
  var demo = 2

  @Option(help: "What to do to the traffic (none: only show it).")
  var attack: InterceptAttack = .none

  @Option(
    help: ArgumentHelp(
      "Record both sides of every connection in a capture file (pcapng).", valueName: "FILE"))
  var pcap: String?

  @Flag(help: "Relay one client, then exit.")
  var once = false

  @Option(
    help: ArgumentHelp("The largest frame body accepted from either side.", valueName: "BYTES"))
  var maxFrame = FrameDecoder.defaultMaximumBodySize

  @OptionGroup var display: DisplayOptions

  func validate() throws {
    _ = try ChatDemo.named(demo)
    if demo == 1 && attack.needsFrames {
      throw ValidationError(
        "--attack \(attack.rawValue) changes frames, which demo 1 does not have")
    }
    guard (ChatCommandOptions.smallestMaximumFrame...Int(UInt32.max)).contains(maxFrame) else {
      throw ValidationError(
        "--max-frame must be between \(ChatCommandOptions.smallestMaximumFrame) and \(UInt32.max) bytes"
      )
    }
    _ = try Self.address(listen, option: "--listen", defaultHost: "0.0.0.0")
    _ = try Self.address(to, option: "--to", defaultHost: nil)
    try display.validate()
  }

  func run() throws {
    let (listenHost, listenPort) = try Self.address(
      listen, option: "--listen", defaultHost: "0.0.0.0")
    let (targetHost, targetPort) = try Self.address(to, option: "--to", defaultHost: nil)
    try CommandFailure.reporting {
      if let pcap { try OutputFile.checkWritable(pcap) }
      InterruptHandling.ignoreBrokenPipes()
      let renderer = HexDumpRenderer(settings: display.settings(), full: display.full)
      let interactive =
        TerminalDevice.standardInputIsTerminal && TerminalDevice.standardOutputIsTerminal
      let editor = interactive ? LineEditor(prompt: "relay> ") : nil
      let console = ChatConsole(showsPrompt: false, editor: editor, write: StandardOutput.write)
      defer { editor?.stop() }
      let relay = try InterceptRelay(
        listenHost: listenHost, listenPort: listenPort, targetHost: targetHost,
        targetPort: targetPort,
        options: InterceptOptions(
          demo: try ChatDemo.named(demo), attack: attack, maximumFrameSize: maxFrame,
          capture: pcap.map { CaptureLog(path: $0) }, once: once)
      ) { event in
        switch event {
        case .line(let text): console.line(text)
        case .unit(let title, let bytes, let fields):
          console.line(renderer.render(HexDump(bytes: bytes, fields: fields, title: title)))
        }
      }
      if let editor {
        // Commands typed while the chat runs; without a terminal only --attack applies.
        let events = ChatEventQueue()
        try editor.start(posting: events)
        try DetachedThread.start {
          while let line = events.nextLine() {
            switch RelayCommand.parse(line) {
            case .success(let command): relay.perform(command)
            case .failure(.empty): continue
            case .failure(let error): console.line("[relay] \(error)")
            }
          }
        }
      }
      try relay.run()
      if let pcap { StandardError.write("learnchat: wrote \(pcap)\n") }
    }
  }

  /// `HOST:PORT` (or `PORT` where a default host is given), or a usage error naming `option`.
  static func address(_ text: String, option: String, defaultHost: String?) throws -> (
    String, UInt16
  ) {
    let host: String?
    let portText: Substring
    if let colon = text.lastIndex(of: ":") {
      var name = text[..<colon]
      // An IPv6 address is written in brackets: [::1]:5002.
      if name.first == "[", name.last == "]" { name = name.dropFirst().dropLast() }
      host = String(name)
      portText = text[text.index(after: colon)...]
    } else {
      host = defaultHost
      portText = Substring(text)
    }
    guard let host, !host.isEmpty, let port = UInt16(portText),
      port != 0 || option == "--listen"
    else {
      let form = defaultHost == nil ? "HOST:PORT" : "[HOST:]PORT"
      throw ValidationError("\(option) must be \(form), not \"\(text)\"")
    }
    return (host, port)
  }
}
