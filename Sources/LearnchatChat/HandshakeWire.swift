import LearnchatDemos
import LearnchatWire

/// `--show-wire` during a handshake: each frame is shown from the connection's tap, the bytes
/// its socket calls really wrote or read, never encoded a second time for display.
///
/// The tap is the one `HandshakeAttempt` puts on the connection for the handshake (or the
/// capture's). Each `show` takes what the tap recorded in that direction since the last one.
struct HandshakeWire {
  private let connection: TCPConnection
  private let options: ChatOptions
  private let console: ChatConsole
  private var shownCount: [WireEvent.Direction: Int] = [:]

  /// A watch on `connection`, from now on.
  init(_ connection: TCPConnection, options: ChatOptions, console: ChatConsole) {
    self.connection = connection
    self.options = options
    self.console = console
    for direction in [WireEvent.Direction.sent, .received] {
      shownCount[direction] = bytes(direction).count
    }
  }

  /// Shows, when `--show-wire` is on, the bytes that went `direction` since the last call for
  /// that direction, titled `title` and labelled by `layout` (given the body's length).
  mutating func show(
    _ direction: WireEvent.Direction, _ title: String, _ layout: (Int) -> [FrameField]
  ) {
    let all = bytes(direction)
    let new = Array(all.dropFirst(shownCount[direction] ?? 0))
    shownCount[direction] = all.count
    guard let showWire = options.showWire, !new.isEmpty else { return }
    let bodyCount = new.count - FrameDecoder.headerSize
    console.line(
      showWire(WireEvent(direction: direction, title: title, bytes: new, fields: layout(bodyCount)))
    )
  }

  private func bytes(_ direction: WireEvent.Direction) -> [UInt8] {
    guard let tap = connection.tap else { return [] }
    return direction == .sent ? tap.sentBytes : tap.receivedBytes
  }
}
