"""A server started in a process group of its own, so that stopping it stops its children.

Used by the end-to-end tests and the benchmarks to run the project's own scripts.
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path
from typing import IO


class ProcessGroup:
    def __init__(self, command: list[str], cwd: Path, env: dict[str, str], log: Path) -> None:
        self.log_path = log
        self._log: IO[str] = log.open("w")
        self.popen = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def running(self) -> bool:
        return self.popen.poll() is None

    def stop(self, timeout: float = 60) -> None:
        """SIGTERM to the whole group; SIGKILL if it has not ended within `timeout`."""
        if self.running():
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=timeout)
        self._log.close()

    def rss_mb(self, name_contains: str = "") -> float:
        """Resident memory of the group's live processes whose command line matches.

        Processes that end while being read, and zombies (no VmRSS line), count as 0.
        """
        listed = subprocess.run(
            ["pgrep", "-g", str(self.popen.pid)], capture_output=True, text=True
        ).stdout.split()
        total_kb = 0
        for pid in listed:
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            if name_contains not in cmdline.decode(errors="replace"):
                continue
            resident = [
                line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")
            ]
            total_kb += int(resident[0]) if resident else 0
        return round(total_kb / 1024, 1)
