"""Outputs: never over an input, never over a device node, never a traceback, no leftovers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from security_helpers import TODAY, calendar, example_policy, run, snapshot

from governance.errors import UsageError
from governance.writing import refuse_inputs, write_output


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    return example_policy(tmp_path)


def lint_to(plan: Path, policy: Path, output: str | Path) -> tuple[int, str, str]:
    return run("lint", plan, "--policy", policy, "--today", TODAY, "--format", "json",
               "--output", output)


def test_a_clean_run_writes_its_report(tmp_path: Path, policy: Path) -> None:
    code, _, err = lint_to(calendar(tmp_path), policy, tmp_path / "report.json")
    assert (code, err) == (0, "")
    assert (tmp_path / "report.json").read_bytes().startswith(b"{")


@pytest.mark.parametrize("target", ["calendar", "link", "hard link", "policy file",
                                    "terms file"])
def test_an_output_that_is_an_input_is_refused(tmp_path: Path, policy: Path,
                                               target: str) -> None:
    plan = calendar(tmp_path)
    output = {"calendar": plan, "policy file": policy / "roles.yaml",
              "terms file": policy / "terms.csv"}.get(target, tmp_path / "report.json")
    if target == "link":
        output.symlink_to(plan)
    elif target == "hard link":
        os.link(plan, output)
    before = snapshot(tmp_path)
    code, _, err = lint_to(plan, policy, output)
    assert code == 2
    assert err.count("\n") == 1 and "an input of this run; refusing to overwrite it" in err
    assert snapshot(tmp_path) == before


def test_render_refuses_to_overwrite_a_policy_file(tmp_path: Path, policy: Path) -> None:
    before = snapshot(policy)
    code, _, err = run("render", "policy", "--policy", policy, "--format", "md",
                       "-o", policy / "organisation.yaml")
    assert code == 2
    assert err.startswith("governance: error: ") and "an input of this run" in err
    assert snapshot(policy) == before


def test_render_refuses_to_overwrite_a_template(tmp_path: Path, policy: Path) -> None:
    templates = tmp_path / "templates"
    (templates / "raci").mkdir(parents=True)
    template = templates / "raci" / "raci.md.j2"
    template.write_text("{{ m.title }}\n", encoding="utf-8")
    code, _, err = run("render", "raci", "--policy", policy, "--format", "md",
                       "--templates", templates, "-o", template)
    assert code == 2 and "an input of this run" in err
    assert template.read_text(encoding="utf-8") == "{{ m.title }}\n"


def test_a_report_goes_straight_into_a_character_device(tmp_path: Path, policy: Path) -> None:
    before = os.stat("/dev/null")
    code, _, err = lint_to(calendar(tmp_path), policy, "/dev/null")
    after = os.stat("/dev/null")
    assert (code, err) == (0, "")
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_dash_and_dev_stdout_are_standard_output(tmp_path: Path, policy: Path,
                                                 name: str) -> None:
    code, out, err = lint_to(calendar(tmp_path), policy, name)
    assert (code, err) == (0, "")
    assert out.startswith("{") and '"findings"' in out


def test_a_pipe_is_written_straight(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_output(fifo, b"report\n")
    out, _ = reader.communicate(timeout=30)
    assert out == b"report\n"
    assert fifo.is_fifo()


def test_other_special_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(UsageError, match="is a socket, not a file"):
            write_output(path, b"x")
    finally:
        server.close()
    with pytest.raises(UsageError, match="is a directory"):
        write_output(tmp_path, b"x")


@pytest.mark.parametrize("name", ["file/report.json", "/sys/governance-report.json",
                                  "/proc/self/no-such-dir/report.json"])
def test_an_unwritable_output_is_exit_2(tmp_path: Path, policy: Path, name: str) -> None:
    (tmp_path / "file").write_text("a file, not a directory", encoding="utf-8")
    # Unwritable even for root: a file as a directory, sysfs, a missing /proc entry.
    code, _, err = lint_to(calendar(tmp_path), policy, tmp_path / name)
    assert code == 2, err
    assert err.startswith("governance: error: ") and "cannot write" in err
    assert err.count("\n") == 1


def test_writing_through_a_link_replaces_the_file_it_names(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_output(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_refuse_inputs_ignores_outputs_that_do_not_exist_yet(tmp_path: Path) -> None:
    plan = calendar(tmp_path)
    refuse_inputs([tmp_path / "new.json", None, "-"], [plan])
    with pytest.raises(UsageError):
        refuse_inputs([tmp_path / "." / "plan.csv"], [plan])


def test_temporary_files_are_named_and_removed_on_sigterm(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    # The child stalls in fsync, after the temporary file is written, until killed.
    script = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        from governance.writing import write_output
        def stall(fd):
            print("writing", flush=True)
            time.sleep(60)
        os.fsync = stall
        write_output(Path({str(target)!r}), b"x" * 1_000_000)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert child.stdout is not None
    assert child.stdout.readline() == b"writing\n"
    names = [p.name for p in tmp_path.iterdir()]
    assert len(names) == 1 and names[0].startswith(".governance-report.json.tmp-")
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []


def test_an_ignored_sighup_stays_ignored(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import signal
        from pathlib import Path
        from governance.writing import write_output
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        write_output(Path({str(tmp_path / "r.json")!r}), b"x")
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    """)
    start = time.monotonic()
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert (tmp_path / "r.json").read_bytes() == b"x"
    assert time.monotonic() - start < 60
