import Foundation

/// A running `learnchat serve --demo 3` for one test, with its identity file (`id.pem`) in a
/// folder of the test's own, where the test's clients keep their pins too: what every test of a
/// live demo-3 server starts from. `stop()` it when done (a `defer` right after starting).
struct Demo3Server {
  /// The test's folder.
  let files: Demo3Files
  /// The server process.
  let server: ChatProcess
  /// The port it listens on, on 127.0.0.1.
  let port: UInt16
  /// The fingerprint of its identity, as it printed it.
  let fingerprint: String

  /// The known-servers file of this test's clients (not created until one pins the server).
  var knownServers: String { files.path("known_servers") }

  /// Starts the server; `arguments` are added to `serve --demo 3 --identity ...`.
  init(_ arguments: [String] = []) throws {
    files = try Demo3Files()
    do {
      (server, port, fingerprint) = try Learnchat.serveDemo3(
        identity: files.path("id.pem"), arguments)
    } catch {
      files.remove()
      throw error
    }
  }

  /// Starts `learnchat connect --demo 3` to this server with this test's known-servers file;
  /// see `Learnchat.connectDemo3` for `arguments` and `acceptNew`.
  func connect(_ arguments: [String] = [], acceptNew: Bool = true) throws -> ChatProcess {
    try Learnchat.connectDemo3(
      port: port, knownServers: knownServers, arguments, acceptNew: acceptNew)
  }

  /// A good demo-3 client's whole chat with the server, proving it still serves; see
  /// `chatAsGood`.
  func chatAsGoodClient(tag: String) throws {
    try chatAsGoodDemo3Client(with: server, port: port, tag: tag)
  }

  /// Stops the server and removes the folder.
  func stop() {
    server.terminate()
    files.remove()
  }
}
