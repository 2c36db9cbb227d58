"""`python -m pelican …`, `python -m invoke …` and `python -c …` for the tests, each run as a
fork of a process that has imported what they import, instead of a new interpreter.

A new interpreter spent 2 s of a 3–5 s build importing Pelican, its plugins and tasks.py,
and a suite run starts about a hundred. Each pytest worker starts one such process (run as
`python tests/forked_python.py`), which imports them and then only forks: every run is a
process of its own, with its own folder, environment, output and exit code, made from a
process that has run nothing else. (Not forked from the worker itself: its threads, such
as a search index being written, held locks that the fork then kept locked for good.)
Our own: pytest-forked forks whole tests, and multiprocessing gives back no exit code or
output of a `python -m` run.

Where a fork differs from a new interpreter: what Python reads only as it starts
(PYTHONUTF8, PYTHONHASHSEED) is the worker's, and the modules imported ahead are already
in sys.modules, so `python -c "from tasks import …"` gets the tasks.py read in the
worker's environment (`python -m invoke` reads it again). Kept as real subprocesses: runs
that test the interpreter itself (what tasks.py imports, signals) and the long-running
`invoke livereload` (tests/livereload_session.py), which is thus also the suite's check
that a real interpreter builds the site."""

import atexit
import io
import json
import os
import runpy
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path

ROOT = Path(__file__).parents[1]
_FORKER = {"lock": threading.Lock()}  # the worker's forking process, once started
PYTHON_PATH = sys.path[1:]  # a new interpreter's, without the first entry (this folder)


def run_python(arguments, cwd=ROOT, env=None):
    """As `subprocess.run([python, *arguments], cwd=cwd, env=env, capture_output=True,
    text=True)`; `arguments` start with "-m", module or "-c", code."""
    with _FORKER["lock"]:
        return _run_forked(arguments, cwd, env)


def _run_forked(arguments, cwd, env):
    forker = _FORKER.get("process")
    if forker is None or forker.poll() is not None:
        forker = _FORKER["process"] = subprocess.Popen(
            [sys.executable, __file__],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        atexit.register(forker.stdin.close)  # it ends when its input does
    with tempfile.TemporaryDirectory() as folder:
        out, err = Path(folder, "out"), Path(folder, "err")
        request = {
            "arguments": list(arguments),
            "cwd": str(cwd),
            "env": dict(os.environ if env is None else env),
            "out": str(out),
            "err": str(err),
        }
        forker.stdin.write(json.dumps(request) + "\n")
        forker.stdin.flush()
        answer = forker.stdout.readline()
        if not answer:
            raise RuntimeError(f"the forking process ended (exit code {forker.wait()})")
        texts = [_as_text(file.read_bytes()) for file in (out, err)]
    return subprocess.CompletedProcess([sys.executable, *arguments], int(answer), *texts)


def _as_text(data):
    """As `text=True` reads a child's output: UTF-8, with universal newlines."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace").read()


def serve():
    """The forking process: import, then fork a child for each request on stdin and answer
    with its exit code, until stdin ends."""
    answers = os.fdopen(os.dup(1), "w")  # fd 1 is stderr's from here: nothing else answers
    os.dup2(2, 1)
    import invoke.main  # noqa: F401
    from pelican.plugins._utils import load_plugins
    from pelican.settings import read_settings

    sys.path.insert(0, str(ROOT))
    import tasks  # noqa: F401

    load_plugins(read_settings(str(ROOT / "pelican.conf.py")))
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = run_here(**request)
            finally:  # never back into this loop
                os._exit(code)
        code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        print(code, file=answers, flush=True)


def run_here(arguments, cwd, env, out, err):
    """The exit code of `arguments` run in this (forked) process as a new interpreter runs
    them, its output written to the files `out` and `err`."""
    try:
        with open(os.devnull, "rb") as stdin, open(out, "wb") as stdout, open(err, "wb") as stderr:
            for file, fd in ((stdin, 0), (stdout, 1), (stderr, 2)):
                os.dup2(file.fileno(), fd)  # not the requests' pipe, nor the worker's output
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", encoding="utf-8", errors="surrogateescape", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        from pelican.log import LimitFilter, console

        console.__init__()  # its width, as a new interpreter reads it from COLUMNS
        LimitFilter._raised_messages.clear()  # nothing logged yet, as in a new interpreter
        LimitFilter._group_count.clear()
        first = "" if arguments[0] == "-c" else cwd  # as Python puts it first
        extra = [path for path in env.get("PYTHONPATH", "").split(os.pathsep) if path]
        sys.path[:] = [first, *extra, *PYTHON_PATH]
        code = exit_code(arguments)
    except BaseException:
        traceback.print_exc()
        code = 1
    for thread in threading.enumerate():  # an interpreter waits for them at its end
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    return code


def exit_code(arguments):
    option, target, *rest = arguments
    try:
        if option == "-m":
            sys.argv = [target, *rest]
            runpy.run_module(target, run_name="__main__", alter_sys=True)
        elif option == "-c":
            sys.argv = ["-c", *rest]
            exec(compile(target, "<string>", "exec"), {"__name__": "__main__"})
        else:
            raise ValueError(f"run_python takes -m or -c, not {option}")
    except SystemExit as stop:
        if stop.code is None or isinstance(stop.code, int):
            return stop.code or 0
        print(stop.code, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    serve()
