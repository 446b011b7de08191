/*
 * The baseline of `tools/bench dispatch`: a raw libcurl multi POST loop. One multi handle on
 * one thread, one easy handle per endpoint kept for the whole run (so its connection is
 * reused), one request in flight per endpoint as the webhook workers have, each POST carrying
 * BODY_FILE's bytes and five headers shaped like a webhook's. It is what libcurl does with
 * nothing else around it: no ledger, no signature, no cursor.
 *
 * Usage: curl-baseline PER_ENDPOINT BODY_FILE URL... Prints "requests N failures F seconds S",
 * S from the first request to the last answer (CLOCK_MONOTONIC).
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct target {
    CURL *easy;
    long left;
};

static double seconds_now(void)
{
    struct timespec spec;
    clock_gettime(CLOCK_MONOTONIC, &spec);
    return (double)spec.tv_sec + (double)spec.tv_nsec / 1e9;
}

static size_t discard(char *data, size_t size, size_t count, void *context)
{
    (void)data; (void)context;
    return size * count;
}

static char *read_body(const char *path, long *size)
{
    FILE *file = fopen(path, "rb");
    char *bytes;
    if (file == NULL) return NULL;
    fseek(file, 0, SEEK_END);
    *size = ftell(file);
    rewind(file);
    bytes = malloc((size_t)*size + 1);
    if (bytes == NULL || fread(bytes, 1, (size_t)*size, file) != (size_t)*size) {
        fclose(file);
        free(bytes);
        return NULL;
    }
    fclose(file);
    return bytes;
}

static struct curl_slist *webhook_headers(void)
{
    struct curl_slist *list = NULL;
    list = curl_slist_append(list, "Content-Type: application/json");
    list = curl_slist_append(list, "Authorization: Bearer bench-token-0123456789abcdef");
    list = curl_slist_append(list, "webhook-id: msg_00000000-0000-0000-0000-000000000000");
    list = curl_slist_append(list, "webhook-timestamp: 1700000000");
    list = curl_slist_append(list,
                             "webhook-signature: v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    return curl_slist_append(list, "Expect:");
}

int main(int argc, char **argv)
{
    long per_endpoint, body_size, requests = 0, failures = 0;
    int count = argc - 3, running = 0, left_in_queue;
    char *body;
    struct curl_slist *headers;
    struct target *targets;
    CURLM *multi;
    CURLMsg *message;
    double started, finished;

    if (argc < 4 || (per_endpoint = atol(argv[1])) <= 0) {
        fprintf(stderr, "usage: curl-baseline PER_ENDPOINT BODY_FILE URL...\n");
        return 2;
    }
    body = read_body(argv[2], &body_size);
    if (body == NULL) {
        fprintf(stderr, "curl-baseline: cannot read %s\n", argv[2]);
        return 1;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    multi = curl_multi_init();
    headers = webhook_headers();
    targets = calloc((size_t)count, sizeof *targets);
    if (targets == NULL) return 1;
    for (int index = 0; index < count; index++) {
        CURL *easy = curl_easy_init();
        curl_easy_setopt(easy, CURLOPT_URL, argv[3 + index]);
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_PROXY, "");
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, 10000L);
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, body_size);
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, discard);
        curl_easy_setopt(easy, CURLOPT_PRIVATE, &targets[index]);
        targets[index].easy = easy;
        targets[index].left = per_endpoint - 1;
        curl_multi_add_handle(multi, easy);
    }
    started = seconds_now();
    do {
        curl_multi_perform(multi, &running);
        while ((message = curl_multi_info_read(multi, &left_in_queue)) != NULL) {
            struct target *target;
            long status = 0;
            if (message->msg != CURLMSG_DONE) continue;
            curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, (char **)&target);
            curl_easy_getinfo(message->easy_handle, CURLINFO_RESPONSE_CODE, &status);
            requests++;
            if (message->data.result != CURLE_OK || status < 200 || status > 299) failures++;
            curl_multi_remove_handle(multi, target->easy);
            if (target->left > 0) {
                target->left--;
                curl_multi_add_handle(multi, target->easy);
                running++;
            }
        }
        if (running > 0) curl_multi_poll(multi, NULL, 0, 1000, NULL);
    } while (running > 0);
    finished = seconds_now();
    printf("requests %ld failures %ld seconds %.6f\n", requests, failures, finished - started);
    for (int index = 0; index < count; index++) curl_easy_cleanup(targets[index].easy);
    curl_multi_cleanup(multi);
    curl_slist_free_all(headers);
    free(body);
    return failures == 0 ? 0 : 1;
}
