"""Outputs are written whole or not at all, never over an input, never over a device node.

Where ``write_output`` sends the bytes:

- ``-`` and ``/dev/stdout``: standard output;
- a character device or a pipe (``/dev/null``, a FIFO), and any name under
  ``/dev`` or ``/proc``: straight into it, because renaming a file over a device
  node replaces the node itself (as root, for every later process);
- any other special file (a directory, a socket, a block device): refused;
- a regular file, or a new one: through a temporary file beside it, named
  ``.governance-<name>.tmp-XXXXXXXX``, renamed over the target once complete (a
  link is followed: the file it names is replaced, the link stays). The
  temporary file is removed on every exit Python sees: errors, Ctrl-C, SIGTERM
  and SIGHUP.

``refuse_inputs`` stops a run before it writes a report over one of its own
inputs, however the output path reaches it (the same name, a link, a hard link).
A path that cannot be written is a ``UsageError`` (exit 2), never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

from governance.errors import UsageError

#: Output names that mean standard output.
STDOUT_NAMES = frozenset({"-", "/dev/stdout"})
#: Where names are windows on devices and processes, never files to replace.
_DEVICE_TREES = ("/dev/", "/proc/")
TEMP_PREFIX = ".governance-"
_SPECIAL = {stat.S_ISDIR: "a directory", stat.S_ISSOCK: "a socket",
            stat.S_ISBLK: "a block device"}


def refuse_inputs(outputs: Iterable[Path | str | None], inputs: Iterable[Path | str]) -> None:
    """``UsageError`` if an output is, or resolves to, one of the run's input files."""
    read: dict[tuple[int, int], str] = {}
    for name in inputs:
        identity = _identity(name)
        if identity is not None:
            read.setdefault(identity, str(name))
    for output in outputs:
        if output is None or str(output) in STDOUT_NAMES:
            continue
        same = read.get(_identity(output) or (-1, -1))
        if same is not None:
            raise UsageError(f"{output}: this is {same}, an input of this run; refusing to "
                             "overwrite it (choose another output file)")


def _identity(path: Path | str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_dev, status.st_ino


def write_output(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` as the module docstring describes."""
    write_output_from(path, (data,))


def write_output_from(path: Path | str, pieces: Iterable[bytes]) -> None:
    """``write_output`` for data made a piece at a time: each piece is written as it
    comes, so a large report never has to be whole in memory."""
    name = str(path)
    if name in STDOUT_NAMES:
        _write_stream(pieces)
        return
    try:
        mode: int | None = os.stat(name).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise UsageError(f"{name}: cannot write: {exc.strerror or exc}") from None
    try:
        if mode is not None and not stat.S_ISREG(mode):
            _refuse_special(name, mode)
            _write_straight(name, pieces)
        elif os.path.abspath(name).startswith(_DEVICE_TREES):
            _write_straight(name, pieces)
        else:
            write_atomically_from(Path(os.path.realpath(name)), pieces)
    except OSError as exc:
        raise UsageError(f"{name}: cannot write: {exc.strerror or exc}") from None


def _refuse_special(name: str, mode: int) -> None:
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return
    what = next((label for test, label in _SPECIAL.items() if test(mode)), "a special file")
    raise UsageError(f"{name}: is {what}, not a file, a character device or a pipe; "
                     "refusing to write to it")


def _write_stream(pieces: Iterable[bytes]) -> None:
    stream = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
    if stream is None:  # a replaced sys.stdout (tests) takes text
        for piece in pieces:
            sys.stdout.write(piece.decode("utf-8"))
        sys.stdout.flush()
        return
    sys.stdout.flush()
    stream.writelines(pieces)
    stream.flush()


def _write_straight(name: str, pieces: Iterable[bytes]) -> None:
    with open(name, "wb") as handle:
        handle.writelines(pieces)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    A crash or a full disk leaves the previous file (or none), never half of one;
    an interrupted run leaves no temporary file.
    """
    write_atomically_from(path, (data,))


def write_atomically_from(path: Path, pieces: Iterable[bytes]) -> None:
    """``write_atomically`` for data made a piece at a time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with _signals_raise():
        fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.writelines(pieces)
                handle.flush()
                os.fsync(handle.fileno())
            # mkstemp creates 0600; a report or document is as readable as any file
            # the user writes.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


#: Signals that end the process without unwinding it unless they raise, as SIGINT does.
_TERMINATING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                     if hasattr(signal, name))


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """While a temporary file exists, SIGTERM and SIGHUP unwind the stack (exit 128+n).

    Only signals left at their default action are taken over: one the caller
    ignores (``nohup``) stays ignored.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for signum in _TERMINATING:
        if signal.getsignal(signum) is signal.SIG_DFL:
            previous[signum] = signal.signal(signum, _terminate)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
