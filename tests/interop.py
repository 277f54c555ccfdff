#!/usr/bin/env python3
print("interop: being written")
