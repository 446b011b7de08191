/*
 * The baseline of `tools/bench http`: a plain-text hello world written directly against
 * libmicrohttpd, with the same daemon settings as our HTTPServer (epoll, a pool of
 * 2 x cores threads), so that the benchmark shows what our Swift layer costs.
 *
 * Usage: hello-baseline [THREADS]. Listens on a free loopback port, prints
 * "port N" on standard output, and exits 0 on SIGTERM or SIGINT.
 */
#include <microhttpd.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char hello_text[] = "Hello, world!\n";

static enum MHD_Result answer(void *cls, struct MHD_Connection *connection, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **request_state)
{
    static int started;
    struct MHD_Response *response;
    enum MHD_Result result;
    (void)cls; (void)url; (void)method; (void)version; (void)upload;

    /* libmicrohttpd 0.9.75 closes the connection after a response queued on the first
       call for a request, so the first call only marks the request as begun. */
    if (*request_state == NULL) {
        *request_state = &started;
        return MHD_YES;
    }
    if (*upload_size != 0) {
        *upload_size = 0;
        return MHD_YES;
    }
    response = MHD_create_response_from_buffer(strlen(hello_text), (void *)hello_text,
                                               MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(response, "Content-Type", "text/plain; charset=utf-8");
    result = MHD_queue_response(connection, MHD_HTTP_OK, response);
    MHD_destroy_response(response);
    return result;
}

int main(int argc, char **argv)
{
    unsigned int threads = argc > 1 ? (unsigned int)atoi(argv[1])
                                    : 2 * (unsigned int)sysconf(_SC_NPROCESSORS_ONLN);
    struct sockaddr_in address;
    struct MHD_Daemon *daemon;
    const union MHD_DaemonInfo *info;
    sigset_t signals;
    int received;

    /* Blocked before the daemon starts, so its threads inherit the mask. */
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, NULL);

    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    daemon = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, 0, NULL, NULL,
                              answer, NULL, MHD_OPTION_SOCK_ADDR, &address,
                              MHD_OPTION_THREAD_POOL_SIZE, threads,
                              MHD_OPTION_CONNECTION_LIMIT, 1024u,
                              MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_END);
    if (daemon == NULL) {
        fprintf(stderr, "hello-baseline: cannot start the daemon\n");
        return 1;
    }
    info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    printf("port %u\n", (unsigned int)info->port);
    fflush(stdout);
    sigwait(&signals, &received);
    MHD_stop_daemon(daemon);
    return 0;
}
