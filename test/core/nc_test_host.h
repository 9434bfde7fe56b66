/*
 * test/core/nc_test_host.h
 *		An NcHost for running the core outside the server: tests, fuzzers,
 *		benchmarks.
 */
#ifndef NC_TEST_HOST_H
#define NC_TEST_HOST_H

#include "nc_core.h"

/* A host whose memory is freed by nc_test_host_reset. */
extern NcHost nc_test_host(void);
extern void nc_test_host_reset(void);
extern NcLimits nc_test_limits(void);

/* The contents of a file, NUL-terminated; exits on failure. */
extern char *nc_test_read_file(const char *path, size_t *len);

/* TAP output. */
extern void nc_tap_ok(int ok, const char *fmt, ...);
extern int	nc_tap_done(void);

#endif
