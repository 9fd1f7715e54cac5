#!/usr/bin/env python3
"""Run real Python retry libraries (urllib3's Retry, tenacity's Retrying)
against loopback HTTP servers and report what each one did.

stdin : {"cases": [{"id": "c1", "lib": "urllib3"|"tenacity", "method": "GET",
                    "url": "http://127.0.0.1:PORT", "options": null|"<python expr>"}]}
stdout: one JSON line per run (every case is run twice, "lo" then "hi"):
        {"id", "run", "lib", "version", "attempts", "delaysMs", "error"}

Only the standard library plus urllib3 and tenacity are used; works with
urllib3 1.26.x and 2.x.  See README.md for details.

Flags:
  --real-sleep  record every sleep AND really perform it (used to verify the
                interception against server-side timestamps).
  --verbose     one human-readable line per run on stderr (how the run ended).
"""

import http.client
import json
import random
import sys
import time
import traceback
import types
import urllib.error
import urllib.request

try:
    import urllib3
    import urllib3.exceptions
    from urllib3.util.retry import Retry

    _URLLIB3_IMPORT_ERROR = None
except Exception as exc:  # pragma: no cover - depends on the machine
    urllib3 = None
    Retry = None
    _URLLIB3_IMPORT_ERROR = "urllib3 not importable: %r" % (exc,)

try:
    import tenacity

    _TENACITY_IMPORT_ERROR = None
except Exception as exc:  # pragma: no cover - depends on the machine
    tenacity = None
    _TENACITY_IMPORT_ERROR = "tenacity not importable: %r" % (exc,)


# Safety net: a configuration that would retry forever (e.g. urllib3
# Retry(total=None, status_forcelist=[...]) or a tenacity dict without stop)
# is cut off after this many requests and reported as a harness error.
HARD_ATTEMPT_CAP = 200

# When tenacity runs with its defaults (stop_never) the run would never end:
# we add stop=stop_after_attempt(31), i.e. 31 attempts = 30 retries.  The same
# stop is added when an options dict gives no "stop" at all.
TENACITY_DEFAULT_STOP_ATTEMPTS = 31

# Low and high end of random.random()'s range [0, 1).
RANDOM_LO = 0.0
RANDOM_HI = 1.0 - 2.0 ** -53

POST_BODY = b'{"probe": true}'
REQUEST_TIMEOUT_S = 30


class HarnessAbort(Exception):
    """Raised by the harness itself (never by a library)."""


class StatusError(Exception):
    """Raised by the tenacity operation when the response status is >= 400."""

    def __init__(self, status):
        Exception.__init__(self, "HTTP status %d" % status)
        self.status = status


class Recorder(object):
    """Counts requests actually sent and the sleep time between them."""

    def __init__(self, real_sleep):
        self.real_sleep = real_sleep
        self.attempts = 0
        self.delays_s = []  # delays_s[i]: total slept before request i+2
        self.pending_s = 0.0  # slept since the last request went out
        self.sleep_calls = 0

    def on_request(self):
        if self.attempts >= HARD_ATTEMPT_CAP:
            # refuse to send request number HARD_ATTEMPT_CAP + 1
            raise HarnessAbort("run wanted more than %d requests: aborted" % HARD_ATTEMPT_CAP)
        self.attempts += 1
        if self.attempts > 1:
            self.delays_s.append(self.pending_s)
            self.pending_s = 0.0

    def sleep(self, seconds):
        seconds = float(seconds)
        self.sleep_calls += 1
        self.pending_s += seconds
        if self.attempts >= HARD_ATTEMPT_CAP:
            raise HarnessAbort("run wanted more than %d requests: aborted" % HARD_ATTEMPT_CAP)
        if self.real_sleep and seconds > 0:
            _REAL_SLEEP(seconds)


_REAL_SLEEP = time.sleep
_ACTIVE = {"recorder": None}


# --- request counting ------------------------------------------------------
# Every request, from urllib3 (1.26 and 2.x subclass http.client.HTTPConnection
# and call its putrequest via super()) and from urllib.request, goes through
# http.client.HTTPConnection.putrequest exactly once.
_ORIG_PUTREQUEST = http.client.HTTPConnection.putrequest


def _counting_putrequest(self, *args, **kwargs):
    rec = _ACTIVE["recorder"]
    if rec is not None:
        rec.on_request()
    return _ORIG_PUTREQUEST(self, *args, **kwargs)


http.client.HTTPConnection.putrequest = _counting_putrequest


# --- urllib3 sleep interception ---------------------------------------------
# urllib3's Retry sleeps with time.sleep() inside urllib3/util/retry.py (both
# for Retry-After and for backoff).  We replace the module-global name "time"
# in that module only, with a proxy whose sleep() records and whose every other
# attribute (time.time, used for HTTP-date Retry-After) is the real one.
class _TimeProxy(types.ModuleType):
    def __init__(self):
        types.ModuleType.__init__(self, "time")

    def __getattr__(self, name):
        return getattr(time, name)

    def sleep(self, seconds):
        rec = _ACTIVE["recorder"]
        if rec is None:
            return _REAL_SLEEP(seconds)
        rec.sleep(seconds)


def _retry_module():
    return sys.modules["urllib3.util.retry"]


# --- randomness ---------------------------------------------------------------
# tenacity 8.x: wait_random uses random.random(); wait_random_exponential and
# wait_exponential_jitter use random.uniform().  urllib3 2.x backoff_jitter
# uses random.random().  The module-level random.uniform is bound to the hidden
# Random instance and does NOT go through the module attribute random.random,
# so both attributes are patched.
class _PatchedRandom(object):
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        self.saved = (random.random, random.uniform)
        v = self.value
        random.random = lambda: v
        random.uniform = lambda a, b: a + (b - a) * v
        return self

    def __exit__(self, *exc):
        random.random, random.uniform = self.saved
        return False


def _namespace():
    ns = {}
    if tenacity is not None:
        # every public tenacity name: tenacity 8.2.1's __all__ omits some
        # (e.g. wait_exponential_jitter), so "import *" alone is not enough.
        for name in dir(tenacity):
            if not name.startswith("_"):
                ns[name] = getattr(tenacity, name)
        exec("from tenacity import *", ns)
        ns["tenacity"] = tenacity
    if urllib3 is not None:
        ns["Retry"] = Retry
        ns["urllib3"] = urllib3
    return ns


def _version(lib):
    if lib == "urllib3":
        return getattr(urllib3, "__version__", "") if urllib3 else ""
    if lib == "tenacity":
        if tenacity is None:
            return ""
        try:
            from importlib import metadata

            return metadata.version("tenacity")
        except Exception:
            pass
        v = getattr(tenacity, "__version__", "")
        if not v:
            # no metadata on sys.path: look beside the real package directory
            import glob
            import os

            pkg = os.path.dirname(os.path.realpath(tenacity.__file__))
            for info in sorted(glob.glob(os.path.join(os.path.dirname(pkg), "tenacity-*-info"))):
                v = os.path.basename(info)[len("tenacity-"):].split("-")[0].split(".egg")[0].split(".dist")[0]
        return v
    return ""


def _run_urllib3(case, rec):
    if urllib3 is None:
        raise HarnessAbort(_URLLIB3_IMPORT_ERROR)
    options = case.get("options")
    if options is None:
        # Library default: PoolManager() without retries uses Retry.DEFAULT.
        pm = urllib3.PoolManager()
    else:
        retries = eval(options, _namespace())
        pm = urllib3.PoolManager(retries=retries)
    method = case["method"].upper()
    url = case["url"].rstrip("/") + "/x"
    kwargs = {"timeout": REQUEST_TIMEOUT_S}
    if method in ("POST", "PUT", "PATCH"):
        kwargs["body"] = POST_BODY
        kwargs["headers"] = {"Content-Type": "application/json"}

    mod = _retry_module()
    saved_time = mod.time
    mod.time = _TimeProxy()
    try:
        try:
            resp = pm.request(method, url, **kwargs)
            end = "response %d" % resp.status
        except HarnessAbort:
            raise
        except urllib3.exceptions.HTTPError as exc:
            # MaxRetryError etc.: a normal end of the run.
            end = "%s: %s" % (type(exc).__name__, exc)
    finally:
        mod.time = saved_time
        pm.clear()
    return end


def _tenacity_operation(method, url, body):
    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())
    headers = {"Content-Type": "application/json"} if body is not None else {}
    req = urllib.request.Request(url, data=body, method=method, headers=headers)

    def attempt():
        try:
            with opener.open(req, timeout=REQUEST_TIMEOUT_S) as resp:
                resp.read()
                status = resp.status
        except urllib.error.HTTPError as exc:
            try:
                exc.read()
            finally:
                exc.close()
            status = exc.code
        if status >= 400:
            raise StatusError(status)
        return status

    return attempt


def _run_tenacity(case, rec):
    if tenacity is None:
        raise HarnessAbort(_TENACITY_IMPORT_ERROR)
    options = case.get("options")
    kwargs = {} if options is None else eval(options, _namespace())
    if not isinstance(kwargs, dict):
        raise HarnessAbort("tenacity options must evaluate to a dict, got %r" % (kwargs,))
    kwargs = dict(kwargs)
    if "stop" not in kwargs:
        # tenacity's default is stop_never; end the run after 31 attempts
        # (= 30 retries) so it terminates.
        kwargs["stop"] = tenacity.stop_after_attempt(TENACITY_DEFAULT_STOP_ATTEMPTS)
    if "sleep" in kwargs:
        user_sleep = kwargs["sleep"]

        def sleep(seconds):
            rec.sleep(seconds)
            return user_sleep(seconds)

        kwargs["sleep"] = sleep
    else:
        kwargs["sleep"] = rec.sleep
    kwargs.setdefault("reraise", True)

    method = case["method"].upper()
    url = case["url"].rstrip("/") + "/x"
    body = POST_BODY if method in ("POST", "PUT", "PATCH") else None
    retrying = tenacity.Retrying(**kwargs)
    try:
        result = retrying(_tenacity_operation(method, url, body))
        return "returned %r" % (result,)
    except HarnessAbort:
        raise
    except (StatusError, tenacity.RetryError, OSError, http.client.HTTPException) as exc:
        return "%s: %s" % (type(exc).__name__, exc)


def run_once(case, run, real_sleep):
    lib = case.get("lib", "") if isinstance(case, dict) else ""
    out = {
        "id": case.get("id", "") if isinstance(case, dict) else "",
        "run": run,
        "lib": lib,
        "version": _version(lib),
        "attempts": 0,
        "delaysMs": [],
        "error": "",
    }
    rec = Recorder(real_sleep)
    end = ""
    value = RANDOM_LO if run == "lo" else RANDOM_HI
    try:
        if not isinstance(case, dict):
            raise HarnessAbort("case is not an object")
        for key in ("method", "url"):
            if not isinstance(case.get(key), str):
                raise HarnessAbort("case field %r missing or not a string" % key)
        runner = {"urllib3": _run_urllib3, "tenacity": _run_tenacity}.get(lib)
        if runner is None:
            raise HarnessAbort("unknown lib %r" % (lib,))
        _ACTIVE["recorder"] = rec
        with _PatchedRandom(value):
            end = runner(case, rec)
    except HarnessAbort as exc:
        out["error"] = str(exc)
    except BaseException as exc:  # never let one case stop the others
        if isinstance(exc, KeyboardInterrupt):
            raise
        out["error"] = "%s: %s" % (type(exc).__name__, exc)
        if "--verbose" in sys.argv:
            traceback.print_exc()
    finally:
        _ACTIVE["recorder"] = None
    out["attempts"] = rec.attempts
    out["delaysMs"] = [int(round(d * 1000.0)) for d in rec.delays_s]
    if "--verbose" in sys.argv:
        sys.stderr.write(
            "%s/%s %s: attempts=%d sleeps=%s trailing_sleep_s=%.3f end=%s\n"
            % (out["id"], run, lib, rec.attempts, rec.delays_s, rec.pending_s, end)
        )
    return out


def main():
    real_sleep = "--real-sleep" in sys.argv
    try:
        doc = json.load(sys.stdin)
        cases = doc["cases"]
        if not isinstance(cases, list):
            raise ValueError('"cases" is not a list')
    except Exception as exc:
        sys.stderr.write("libs.py: cannot read input: %s\n" % (exc,))
        return 2
    for case in cases:
        for run in ("lo", "hi"):
            line = run_once(case, run, real_sleep)
            sys.stdout.write(json.dumps(line) + "\n")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
