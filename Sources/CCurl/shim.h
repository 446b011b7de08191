#ifndef BSD_LEDGER_CCURL_SHIM_H
#define BSD_LEDGER_CCURL_SHIM_H
#include <curl/curl.h>

/* Swift cannot call C variadic functions: one typed wrapper per argument kind. */

static inline CURLcode bsd_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode bsd_curl_easy_setopt_pointer(CURL *handle, CURLoption option,
                                                    const void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode bsd_curl_easy_setopt_offset(CURL *handle, CURLoption option,
                                                   curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*bsd_curl_write_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode bsd_curl_easy_setopt_write(CURL *handle, CURLoption option,
                                                  bsd_curl_write_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode bsd_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode bsd_curl_easy_getinfo_offset(CURL *handle, CURLINFO info,
                                                    curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode bsd_curl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode bsd_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}
#endif
