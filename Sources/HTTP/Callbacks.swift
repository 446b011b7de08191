import CMicroHTTPD

/// The C entry points given to libmicrohttpd. They live outside `main.swift` and capture
/// nothing: libmicrohttpd calls them on its own threads with the server core as context.
enum Callbacks {
    static let access: MHD_AccessHandlerCallback = {
        context, connection, url, method, _, upload, uploadSize, slot in
        guard let context, let connection, let uploadSize, let slot else { return .NO }
        let core = Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue()
        return core.access(
            connection: connection, method: method, url: url, upload: upload,
            uploadSize: uploadSize, slot: slot)
    }

    static let completed: MHD_RequestCompletedCallback = { context, _, slot, _ in
        guard let context else { return }
        Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue().completed(slot)
    }

    /// Hands a streamed body's next bytes over (see ``ResponseStream/read(into:max:)``).
    static let streamRead: MHD_ContentReaderCallback = { stream, _, buffer, max in
        guard let stream, let buffer else { return Int(MHD_CONTENT_READER_END_WITH_ERROR) }
        return Unmanaged<ResponseStream>.fromOpaque(stream).takeUnretainedValue().read(
            into: buffer, max: max)
    }

    /// Releases a streamed body's bridge once libmicrohttpd is done with the response.
    static let streamFree: MHD_ContentReaderFreeCallback = { stream in
        guard let stream else { return }
        Unmanaged<ResponseStream>.fromOpaque(stream).takeRetainedValue().release()
    }

    /// Takes over an upgraded connection's socket.
    static let upgraded: MHD_UpgradeHandler = {
        core, _, slot, extra, extraCount, socket, handle in
        guard let core, let slot, let handle else {
            if let handle { _ = bsdl_mhd_upgrade_close(handle) }
            return
        }
        let context = Unmanaged<RequestContext>.fromOpaque(slot).takeUnretainedValue()
        let bytes =
            extra.map {
                Array(UnsafeRawBufferPointer(start: $0, count: extraCount))
            } ?? []
        Unmanaged<ServerCore>.fromOpaque(core).takeUnretainedValue().upgraded(
            context: context, extra: bytes, socket: socket, handle: handle)
    }
}
