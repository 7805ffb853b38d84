import LearnchatDemos
import LearnchatWire

/// `--show-wire` during a handshake: each frame is shown from the connection's tap (a
/// ``TapCursor``), the bytes its socket calls really wrote or read, never encoded a second time
/// for display.
struct HandshakeWire {
  private var cursor: TapCursor
  private let options: ChatOptions
  private let console: ChatConsole

  /// A watch on `connection`, from now on.
  init(_ connection: TCPConnection, options: ChatOptions, console: ChatConsole) {
    self.cursor = TapCursor(connection)
    self.options = options
    self.console = console
  }

  /// Shows, when `--show-wire` is on, the bytes that went `direction` since the last call for
  /// that direction, titled `title` and labelled by `layout` (given the body's length).
  mutating func show(
    _ direction: WireEvent.Direction, _ title: String, _ layout: (Int) -> [FrameField]
  ) {
    let bytes = cursor.take(direction == .sent ? .sent : .received)
    guard let showWire = options.showWire, !bytes.isEmpty else { return }
    let bodyCount = bytes.count - FrameDecoder.headerSize
    console.line(
      showWire(
        WireEvent(direction: direction, title: title, bytes: bytes, fields: layout(bodyCount))))
  }
}
