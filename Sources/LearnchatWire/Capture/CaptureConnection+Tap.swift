extension CaptureConnection {
  /// The connection `connection` as its tap `tap` saw it, so far.
  ///
  /// Takes ``WireTap/history`` when the tap keeps one (records a walkthrough drained stage by
  /// stage are still in it), otherwise ``WireTap/records``. The times come from the tap: opened
  /// when the tap was attached, closed when ``TCPConnection/close()`` ran. Call it after closing
  /// for a capture that ends with FINs; before, for one that shows the connection still open.
  ///
  /// - Parameter tappedEnd: `.client` for a connection made by
  ///   ``TCPConnection/connect(host:port:tap:)``, `.server` for one from
  ///   ``TCPListener/accept(tap:)``.
  /// - Throws: `CaptureError.unsupportedAddress` if an address is not numeric (never for
  ///   addresses the kernel reports).
  public init(
    connection: TCPConnection, tap: WireTap, tappedEnd: TappedEnd
  ) throws(CaptureError) {
    let local = try CaptureEndpoint(connection.localAddress)
    let remote = try CaptureEndpoint(connection.remoteAddress)
    let records = tap.keepsHistory ? tap.history : tap.records
    self.init(
      client: tappedEnd == .client ? local : remote,
      server: tappedEnd == .client ? remote : local,
      tappedEnd: tappedEnd,
      opened: tap.openedAt ?? records.first?.timestamp ?? tap.clock.now(),
      closed: tap.closedAt,
      peerClosed: tap.endOfStreamAt,
      records: records)
  }
}
