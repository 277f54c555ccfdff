#!/usr/bin/env python3
"""Fails when a doctest case name would not survive CTest: doctest_discover_tests splits a name at
';' into two CTest tests whose filters match nothing, and doctest passes a run that matches
nothing, so such a case silently never ran."""
import subprocess
import sys

listing = subprocess.run([sys.argv[1], "--list-test-cases", "--no-version"],
                         capture_output=True, text=True, check=True).stdout
bad = [line for line in listing.splitlines() if ";" in line]
for name in bad:
    print(f"test case name holds ';' (CTest would never run it): {name}", file=sys.stderr)
sys.exit(1 if bad else 0)
