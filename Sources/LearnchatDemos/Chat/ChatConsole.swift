import Foundation

/// The chat's console: lines from two threads (the keyboard loop and the receive loop) written
/// whole, and the `You: ` prompt kept out of their way.
public final class ChatConsole: Sendable {
  private let write: @Sendable (String) -> Void
  private let showsPrompt: Bool
  private let lock = NSLock()
  // Guarded by `lock`.
  private nonisolated(unsafe) var promptShown = false

  /// A console writing through `write`. With `showsPrompt` (a person at a terminal), `You: `
  /// is shown while waiting for a line and redrawn after incoming lines; without, no prompt.
  public init(showsPrompt: Bool, write: @escaping @Sendable (String) -> Void) {
    self.showsPrompt = showsPrompt
    self.write = write
  }

  /// Prints one line (or several joined by newlines), above the prompt if it is shown.
  public func line(_ text: String) {
    lock.lock()
    defer { lock.unlock() }
    // Erase the prompt, print, and put the prompt back under the new line.
    write((promptShown ? "\r\u{1B}[K" : "") + text + "\n" + (promptShown ? ChatLines.prompt : ""))
  }

  /// Shows the prompt before waiting for a line.
  func prompt() {
    guard showsPrompt else { return }
    lock.lock()
    defer { lock.unlock() }
    promptShown = true
    write(ChatLines.prompt)
  }

  /// The user finished a line; the prompt is no longer on screen.
  func promptAnswered() {
    lock.lock()
    promptShown = false
    lock.unlock()
  }
}
