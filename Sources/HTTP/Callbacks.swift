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
}
