/*
 * The webhook receivers of `tools/bench dispatch`: N loopback HTTP endpoints on libmicrohttpd,
 * one daemon (one port, one polling thread) each, that answer every POST 204 as soon as its
 * body is in, and note when it arrived. Written in C so that the receivers are never what
 * limits the webhooks or the raw libcurl baseline they are compared with.
 *
 * Usage: webhook-receiver N OUTPUT. Prints "ports P1 ... PN" on standard output, then serves
 * until SIGTERM or SIGINT, when it stops the daemons and writes OUTPUT, one line per request
 * to a path starting with /hook/: "ENDPOINT ARRIVAL_US BYTES TAIL", where ARRIVAL_US is
 * CLOCK_REALTIME in microseconds when the body was complete, BYTES the body's size and TAIL
 * the body from the last `"position":` on (the envelope's own fields: position, recordedAt,
 * streamId, streamVersion, type; the payload comes before them in canonical JSON). Requests
 * to any other path (the baseline's /raw/) are only counted; GET /count answers the number
 * of /hook/ requests so far, for the benchmark to wait on. The first /hook/ body is also
 * written whole to OUTPUT.sample, for the baseline to send bodies of the same size.
 */
#include <microhttpd.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TAIL_MAX 400

struct arrival {
    long long at;
    size_t size;
    char tail[TAIL_MAX];
};

/* One endpoint: its daemon and what its polling thread alone writes. */
struct endpoint {
    struct MHD_Daemon *daemon;
    struct arrival *arrivals;
    size_t count, capacity;
};

/* A request's body as it comes in. */
struct upload {
    char *bytes;
    size_t size, capacity;
};

static struct endpoint *endpoints;
static atomic_long hooks;
static atomic_long others;
static atomic_int sampled;
static const char *output;
static struct MHD_Response *empty;

static long long now_us(void)
{
    struct timespec spec;
    clock_gettime(CLOCK_REALTIME, &spec);
    return (long long)spec.tv_sec * 1000000 + spec.tv_nsec / 1000;
}

static void append(struct upload *upload, const char *data, size_t size)
{
    if (upload->size + size + 1 > upload->capacity) {
        upload->capacity = 2 * (upload->size + size + 1);
        upload->bytes = realloc(upload->bytes, upload->capacity);
        if (upload->bytes == NULL) abort();
    }
    memcpy(upload->bytes + upload->size, data, size);
    upload->size += size;
    upload->bytes[upload->size] = '\0';
}

static void keep_sample(const struct upload *upload)
{
    char path[4096];
    FILE *file;
    int expected = 0;
    if (!atomic_compare_exchange_strong(&sampled, &expected, 1)) return;
    snprintf(path, sizeof path, "%s.sample", output);
    file = fopen(path, "wb");
    if (file == NULL) return;
    fwrite(upload->bytes, 1, upload->size, file);
    fclose(file);
}

static void record(struct endpoint *endpoint, const struct upload *upload, long long at)
{
    const char *tail = upload->bytes, *found;
    struct arrival *arrival;
    while (upload->bytes != NULL && (found = strstr(tail, "\"position\":")) != NULL)
        tail = found + 1;
    if (endpoint->count == endpoint->capacity) {
        endpoint->capacity = endpoint->capacity ? 2 * endpoint->capacity : 1024;
        endpoint->arrivals = realloc(endpoint->arrivals,
                                     endpoint->capacity * sizeof *endpoint->arrivals);
        if (endpoint->arrivals == NULL) abort();
    }
    arrival = &endpoint->arrivals[endpoint->count++];
    arrival->at = at;
    arrival->size = upload->size;
    snprintf(arrival->tail, TAIL_MAX, "%s", upload->bytes ? tail : "");
    /* One line per arrival: no newline may survive inside the tail. */
    for (char *c = arrival->tail; *c; c++)
        if (*c == '\n' || *c == '\r') *c = ' ';
    if (upload->bytes != NULL) keep_sample(upload);
}

static enum MHD_Result count_answer(struct MHD_Connection *connection)
{
    char text[32];
    struct MHD_Response *response;
    enum MHD_Result result;
    int length = snprintf(text, sizeof text, "%ld\n", atomic_load(&hooks));
    response = MHD_create_response_from_buffer((size_t)length, text, MHD_RESPMEM_MUST_COPY);
    result = MHD_queue_response(connection, MHD_HTTP_OK, response);
    MHD_destroy_response(response);
    return result;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *connection, const char *url,
                              const char *method, const char *version, const char *data,
                              size_t *data_size, void **state)
{
    struct endpoint *endpoint = cls;
    struct upload *upload = *state;
    (void)version;
    if (strcmp(method, "GET") == 0) return count_answer(connection);
    if (upload == NULL) {
        upload = calloc(1, sizeof *upload);
        if (upload == NULL) return MHD_NO;
        *state = upload;
        return MHD_YES;
    }
    if (*data_size != 0) {
        if (strncmp(url, "/hook/", 6) == 0) append(upload, data, *data_size);
        *data_size = 0;
        return MHD_YES;
    }
    if (strncmp(url, "/hook/", 6) == 0) {
        record(endpoint, upload, now_us());
        atomic_fetch_add(&hooks, 1);
    } else {
        atomic_fetch_add(&others, 1);
    }
    return MHD_queue_response(connection, MHD_HTTP_NO_CONTENT, empty);
}

static void completed(void *cls, struct MHD_Connection *connection, void **state,
                      enum MHD_RequestTerminationCode code)
{
    struct upload *upload = *state;
    (void)cls; (void)connection; (void)code;
    if (upload == NULL) return;
    free(upload->bytes);
    free(upload);
    *state = NULL;
}

static int write_output(int count)
{
    FILE *file = fopen(output, "w");
    if (file == NULL) return 1;
    for (int index = 0; index < count; index++)
        for (size_t n = 0; n < endpoints[index].count; n++)
            fprintf(file, "%d %lld %zu %s\n", index, endpoints[index].arrivals[n].at,
                    endpoints[index].arrivals[n].size, endpoints[index].arrivals[n].tail);
    return fclose(file) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    struct sockaddr_in address;
    sigset_t signals;
    int received, count;

    if (argc != 3 || (count = atoi(argv[1])) <= 0) {
        fprintf(stderr, "usage: webhook-receiver N OUTPUT\n");
        return 2;
    }
    output = argv[2];
    endpoints = calloc((size_t)count, sizeof *endpoints);
    empty = MHD_create_response_from_buffer(0, "", MHD_RESPMEM_PERSISTENT);
    if (endpoints == NULL || empty == NULL) return 1;
    /* Blocked before the daemons start, so their threads inherit the mask. */
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, NULL);
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    printf("ports");
    for (int index = 0; index < count; index++) {
        const union MHD_DaemonInfo *info;
        endpoints[index].daemon = MHD_start_daemon(
            MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, 0, NULL, NULL, answer,
            &endpoints[index], MHD_OPTION_SOCK_ADDR, &address, MHD_OPTION_NOTIFY_COMPLETED,
            completed, NULL, MHD_OPTION_CONNECTION_LIMIT, 256u, MHD_OPTION_CONNECTION_TIMEOUT,
            60u, MHD_OPTION_END);
        if (endpoints[index].daemon == NULL) {
            fprintf(stderr, "webhook-receiver: cannot start daemon %d\n", index);
            return 1;
        }
        info = MHD_get_daemon_info(endpoints[index].daemon, MHD_DAEMON_INFO_BIND_PORT);
        printf(" %u", (unsigned int)info->port);
    }
    printf("\n");
    fflush(stdout);
    sigwait(&signals, &received);
    for (int index = 0; index < count; index++) MHD_stop_daemon(endpoints[index].daemon);
    fprintf(stderr, "webhook-receiver: %ld hook requests, %ld others\n", atomic_load(&hooks),
            atomic_load(&others));
    return write_output(count);
}
