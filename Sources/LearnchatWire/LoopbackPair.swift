/// Two connected endpoints in one process, over a real TCP connection on 127.0.0.1.
///
/// The walkthrough runs both peers in one process this way. No second thread is needed: the
/// kernel completes the client's `connect` into the listen backlog before `accept` is called.
/// The listener (on a port the system picks) is closed before returning.
public func makeLoopbackPair() throws -> (server: TCPConnection, client: TCPConnection) {
  let listener = try TCPListener(host: "127.0.0.1", port: 0, backlog: 4)
  defer { listener.close() }
  let client = try TCPConnection.connect(host: "127.0.0.1", port: listener.port)
  // Another local process could connect to the same port in between; only our client will do.
  while true {
    let server = try listener.accept()
    if server.remoteAddress == client.localAddress { return (server, client) }
    server.close()
  }
}
