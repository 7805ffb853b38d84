import LearnchatDemos
import Synchronization

/// The chat's console: lines from two threads (the keyboard loop and the receive loop) written
/// whole, and the `You: ` prompt kept out of their way.
///
/// On a terminal the prompt belongs to the line editor (`LineEditor`), which prints lines above
/// the one being typed; otherwise lines are written as they come, and with `showsPrompt` a
/// plain `You: ` is shown while waiting and redrawn after incoming lines.
public final class ChatConsole: Sendable {
  private let write: @Sendable (String) -> Void
  private let showsPrompt: Bool
  private let editor: LineEditor?
  /// Whether the plain prompt is on screen; held while writing, so lines never interleave.
  private let promptShown = Mutex(false)

  /// The prompt the chat shows while waiting for a line.
  public static let prompt = "You: "

  /// A console writing through `write`. With `editor`, lines go above the line being edited;
  /// without, with `showsPrompt` (a person at a terminal), `You: ` is shown while waiting and
  /// redrawn after incoming lines.
  public init(
    showsPrompt: Bool, editor: LineEditor? = nil, write: @escaping @Sendable (String) -> Void
  ) {
    self.showsPrompt = showsPrompt
    self.editor = editor
    self.write = write
  }

  /// Prints one line (or several joined by newlines), above the prompt if it is shown.
  public func line(_ text: String) {
    if let editor {
      editor.print(text, write: write)
      return
    }
    promptShown.withLock { shown in
      // Erase the prompt, print, and put the prompt back under the new line.
      write((shown ? "\r\u{1B}[K" : "") + text + "\n" + (shown ? ChatLines.prompt : ""))
    }
  }

  /// Shows `question` where the prompt goes and returns the next typed line (nil at the end of
  /// input).
  public func ask(_ question: String, events: ChatEventQueue) -> String? {
    if let editor {
      editor.setPrompt(question)
      defer { editor.setPrompt(ChatLines.prompt) }
      return events.nextLine()
    }
    promptShown.withLock { _ in write(question) }
    return events.nextLine()
  }

  /// Shows the prompt before waiting for a line.
  func prompt() {
    guard showsPrompt, editor == nil else { return }
    promptShown.withLock { shown in
      shown = true
      write(ChatLines.prompt)
    }
  }

  /// The user finished a line; the prompt is no longer on screen.
  func promptAnswered() {
    promptShown.withLock { $0 = false }
  }
}
