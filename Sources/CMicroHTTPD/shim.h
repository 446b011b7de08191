#ifndef BSD_LEDGER_CMICROHTTPD_SHIM_H
#define BSD_LEDGER_CMICROHTTPD_SHIM_H
#include <stdint.h>
#include <stddef.h>
#include <sys/socket.h>
#include <microhttpd.h>

// Swift cannot call C variadic functions: each variadic entry point we need gets a fixed-
// signature wrapper here, compiled by clang when the module is imported.

/// Starts a daemon listening on `address` with the options the HTTP module uses.
static inline struct MHD_Daemon *bsdl_mhd_start(
    unsigned int flags, const struct sockaddr *address,
    MHD_AccessHandlerCallback handler, void *handler_context,
    MHD_RequestCompletedCallback completed, void *completed_context,
    unsigned int thread_pool_size, unsigned int connection_limit,
    unsigned int connection_timeout_seconds, size_t connection_memory_limit)
{
    return MHD_start_daemon(
        flags, 0, NULL, NULL, handler, handler_context,
        MHD_OPTION_SOCK_ADDR, address,
        MHD_OPTION_NOTIFY_COMPLETED, completed, completed_context,
        MHD_OPTION_THREAD_POOL_SIZE, thread_pool_size,
        MHD_OPTION_CONNECTION_LIMIT, connection_limit,
        MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout_seconds,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, connection_memory_limit,
        MHD_OPTION_END);
}

/// The port the daemon is bound to, or 0 when unknown.
static inline uint16_t bsdl_mhd_bound_port(struct MHD_Daemon *daemon)
{
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/// The peer's socket address, or NULL when unknown.
static inline const struct sockaddr *bsdl_mhd_client_address(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}

/// The size of the request line and header fields of the current request, or 0 if unknown.
static inline size_t bsdl_mhd_header_size(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE);
    return info == NULL ? 0 : info->header_size;
}

/// Hands an upgraded connection's socket back to libmicrohttpd, which closes it. The socket
/// must not be used afterwards.
static inline enum MHD_Result bsdl_mhd_upgrade_close(struct MHD_UpgradeResponseHandle *handle)
{
    return MHD_upgrade_action(handle, MHD_UPGRADE_ACTION_CLOSE);
}

#endif
