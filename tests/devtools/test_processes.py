"""ProcessGroup: measuring and stopping a server survive the machine it runs on."""

import subprocess
import sys
import time
from pathlib import Path

from devtools.processes import ProcessGroup

# A parent that leaves its finished child unreaped: a zombie, which has no VmRSS line.
PARENT_OF_A_ZOMBIE = (
    "import subprocess, time; child = subprocess.Popen(['true']); "
    "print(child.pid, flush=True); time.sleep(60)"
)


def zombie_in(group: ProcessGroup) -> bool:
    listed = subprocess.run(["pgrep", "-g", str(group.pid)], capture_output=True, text=True)
    for pid in listed.stdout.split():
        status = Path(f"/proc/{pid}/status")
        if status.exists() and "State:\tZ" in status.read_text():
            return True
    return False


def test_memory_of_a_group_with_a_zombie_is_measured_and_the_group_stops(tmp_path):
    log = tmp_path / "out.log"
    group = ProcessGroup([sys.executable, "-c", PARENT_OF_A_ZOMBIE], tmp_path, {}, log)
    try:
        deadline = time.monotonic() + 20
        while not zombie_in(group):
            assert time.monotonic() < deadline, "no zombie appeared"
            time.sleep(0.1)
        assert group.rss_mb() > 1  # the live parent counts, the zombie does not break it
        assert group.rss_mb("no such command") == 0
    finally:
        group.stop(timeout=10)
    assert not group.running()
