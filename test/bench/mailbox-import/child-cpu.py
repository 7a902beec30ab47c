# Runs the command given on the command line as a child, its output passed
# through, and writes to file descriptor 3 the child's CPU time (user + system,
# all its threads) and wall-clock time in milliseconds, as JSON. This process's
# own start is in neither: the machine is shared, and CPU time is the figure
# its load disturbs least.
import json
import os
import resource
import subprocess
import sys
import time

before = resource.getrusage(resource.RUSAGE_CHILDREN)
start = time.perf_counter()
run = subprocess.run(sys.argv[1:])
wall = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
os.write(3, json.dumps({'cpuMs': cpu * 1000, 'wallMs': wall * 1000}).encode())
sys.exit(run.returncode)
