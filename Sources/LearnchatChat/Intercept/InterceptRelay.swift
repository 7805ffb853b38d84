import Glibc
import LearnchatCrypto
import LearnchatDemos
import LearnchatWire
import Synchronization

/// `learnchat intercept`: an attacker on the path of a real chat. Clients connect to the
/// relay, which connects to the real server for each and passes the traffic both ways,
/// showing every unit it reads and writes and applying `--attack` (lesson 3's attacks, on live
/// traffic). A peer that misbehaves toward the relay gets a clear line and a closed
/// connection; the relay keeps serving (unless `once`).
public final class InterceptRelay: Sendable {
  private let listenHost: String
  private let listenPort: UInt16
  private let targetHost: String
  private let targetPort: UInt16
  private let options: InterceptOptions
  private let report: @Sendable (InterceptEvent) -> Void
  private let sessions = Mutex<[Int: RelaySession]>([:])
  private let impostor: Demo2Impostor?
  private let identity: Ed25519.PrivateKey?

  /// A relay listening on `listenHost`:`listenPort` for clients of the server at
  /// `targetHost`:`targetPort`, reporting through `report`.
  public init(
    listenHost: String, listenPort: UInt16, targetHost: String, targetPort: UInt16,
    options: InterceptOptions, report: @escaping @Sendable (InterceptEvent) -> Void
  ) throws {
    self.listenHost = listenHost
    self.listenPort = listenPort
    self.targetHost = targetHost
    self.targetPort = targetPort
    self.options = options
    self.report = report
    let mitm = options.attack == .mitm
    impostor = mitm && options.demo == .demo2 ? Demo2Impostor(key: try RSAPrivateKey()) : nil
    identity = mitm && options.demo == .demo3 ? try Ed25519.PrivateKey() : nil
  }

  /// Serves clients until the listener fails (or after one with `once`).
  ///
  /// - Parameter started: called with the port once listening (0 asks for a free one).
  public func run(started: (UInt16) -> Void = { _ in }) throws {
    let listener: TCPListener
    do {
      listener = try TCPListener(host: listenHost, port: listenPort)
    } catch {
      throw ChatFailure(NetworkErrorText.listening(on: listenHost, port: listenPort, error))
    }
    defer { listener.close() }
    report(
      .line(
        "[relay] Listening on \(SocketAddress(host: listenHost, port: listener.port)), relaying to "
          + "\(SocketAddress(host: targetHost, port: targetPort)) (demo \(options.demo); attack "
          + "\(options.attack.rawValue): \(options.attack.summary))"))
    started(listener.port)
    var next = 0
    while true {
      let tap = options.capture?.newTap()
      let accepted: TCPConnection
      do {
        accepted = try listener.accept(tap: tap)
      } catch let error as SystemError where [ECONNABORTED, EPROTO].contains(error.errno) {
        continue
      }
      options.capture?.add(accepted, tap: tap, end: .server)
      next += 1
      let id = next
      if options.once {
        relay(accepted, id: id)
        try? options.capture?.write()
        return
      }
      do {
        try DetachedThread.start { [self] in
          relay(accepted, id: id)
          try? options.capture?.write()
        }
      } catch {
        accepted.close()
        report(.line("[relay] client \(id): closed, no thread to relay it on: \(error)"))
      }
    }
  }

  /// Sends `command` to every session running (normally the one chat in class).
  public func perform(_ command: RelayCommand) {
    let running = sessions.withLock { Array($0.values) }
    guard !running.isEmpty else {
      report(.line("[relay] no chat is being relayed yet"))
      return
    }
    for session in running { session.perform(command) }
  }

  private func relay(_ client: TCPConnection, id: Int) {
    let peer = client.remoteAddress.pythonTupleDescription
    report(.line("[relay #\(id)] Connection from \(peer); connecting to the server ..."))
    let tap = options.capture?.newTap()
    let server: TCPConnection
    do {
      server = try TCPConnection.connect(host: targetHost, port: targetPort, tap: tap)
    } catch {
      report(
        .line(
          "[relay #\(id)] \(NetworkErrorText.connecting(to: targetHost, port: targetPort, error)); closing the client's connection"
        ))
      client.close()
      return
    }
    options.capture?.add(server, tap: tap, end: .client)
    if let identity {
      Demo3ImpostorSession(
        id: id, client: client, server: server, identity: identity, options: options,
        report: report
      ).run()
    } else {
      let session = RelaySession(
        id: id, client: client, server: server, options: options, impostor: impostor,
        report: report)
      sessions.withLock { $0[id] = session }
      session.run()
      sessions.withLock { $0[id] = nil }
    }
    report(.line("[relay #\(id)] Both connections closed"))
  }
}
