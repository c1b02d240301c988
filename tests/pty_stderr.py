#!/usr/bin/python3
"""Runs a command with standard error on a pseudo-terminal.

Usage: pty_stderr.py OUT ERR CMD [ARG...]
Standard output goes to the file OUT (or, when OUT is "-", to the
terminal too), standard error to a new terminal whose bytes are written
to ERR (as the terminal shows them: LF becomes CR LF). Exits with the command's status (128 + N for a signal N).
"""

import os
import pty
import sys


def main():
    out, err, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
    master, slave = pty.openpty()
    pid = os.fork()
    if pid == 0:
        os.close(master)
        if out == "-":
            os.dup2(slave, 1)
        else:
            fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, 1)
            os.close(fd)
        os.dup2(slave, 2)
        os.close(slave)
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    os.close(slave)
    got = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the last writer closed the terminal
            break
        if not chunk:
            break
        got += chunk
    _, status = os.waitpid(pid, 0)
    with open(err, "wb") as f:
        f.write(got)
    if os.WIFSIGNALED(status):
        sys.exit(128 + os.WTERMSIG(status))
    sys.exit(os.WEXITSTATUS(status))


if __name__ == "__main__":
    main()
