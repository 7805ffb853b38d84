import LearnchatDemos
import LearnchatWire
import Synchronization

/// What one victim of an exercise printed, line by line, as the chat prints it.
final class ConsoleLog: Sendable {
  // A live run's server and client each write their own log on their own thread; the main
  // thread reads them after both have finished.
  private let lines = Mutex<[String]>([])

  func say(_ line: String) {
    lines.withLock { $0.append(line) }
  }

  var all: [String] { lines.withLock { $0 } }
}

extension Demo2.Channel {
  /// The next read, printed to `console` as demo 2's chat prints it, as a typed observation
  /// (the same reading as lesson 3's attacks).
  func read(into console: ConsoleLog) -> VictimRead {
    readFrame(into: console).read
  }

  /// The next read as ``read(into:)`` gives it, with the frame body read, if one was.
  func readFrame(into console: ConsoleLog) -> (read: VictimRead, body: [UInt8]?) {
    do {
      guard let received = try receive() else {
        console.say(ChatLines.peerDisconnected)
        return (.closed, nil)
      }
      switch received.plaintext {
      case .success(let bytes):
        let text = ChatText.displayable(bytes)
        console.say(ChatText.isExit(text) ? ChatLines.peerExited : ChatLines.peer(text))
        return (.shown(text), received.body)
      case .failure(let error):
        console.say(ChatLines.failedToDecrypt("\(error)"))
        return (.refused, received.body)
      }
    } catch {
      console.say(ChatLines.failure(ReceiveFailure.describe(error)))
      return (.ended(error), nil)
    }
  }
}
