"""What a benchmark report must name: the machine, and the versions of everything measured."""

import json
import os
import platform
import re
import shutil
import subprocess
from pathlib import Path

# Debian packages whose versions the report names, by what they are.
PACKAGES = {
    "gRPC": "libgrpc++-dev",
    "Protobuf": "libprotobuf-dev",
    "Abseil": "libabsl-dev",
    "SQLite": "libsqlite3-dev",
    "libpq": "libpq-dev",
    "h2load (nghttp2-client)": "nghttp2-client",
    "pandas": "python3-pandas",
}


def _first_line(args):
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=30)
    except OSError:
        return None
    text = (done.stdout or done.stderr).strip()
    return text.splitlines()[0] if done.returncode == 0 and text else None


def _package_version(package):
    return _first_line(["dpkg-query", "-W", "-f", "${Version}", package])


def machine():
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.*)$", cpuinfo, re.M)
    meminfo = Path("/proc/meminfo").read_text()
    mem_kib = int(re.search(r"^MemTotal:\s+(\d+) kB", meminfo, re.M).group(1))
    hypervisor = "hypervisor" in cpuinfo
    return {
        "cpu": model.group(1).strip() if model else platform.processor(),
        "cores": os.cpu_count(),
        "memory_gib": round(mem_kib / 2**20, 1),
        "kernel": platform.release(),
        "virtual": hypervisor,
        "load_average": os.getloadavg(),
    }


def _compiler(build):
    cache = Path(build) / "CMakeCache.txt"
    text = cache.read_text() if cache.exists() else ""
    found = re.search(r"^CMAKE_CXX_COMPILER:\w+=(.*)$", text, re.M)
    build_type = re.search(r"^CMAKE_BUILD_TYPE:\w+=(.*)$", text, re.M)
    compiler = _first_line([found.group(1) if found else "c++", "--version"])
    return f"{compiler} ({build_type.group(1) if build_type else 'unknown'} build)"


def _postgresql():
    for bindir in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (bindir / "postgres").exists():
            return _first_line([str(bindir / "postgres"), "--version"])
    postgres = shutil.which("postgres")
    return _first_line([postgres, "--version"]) if postgres else None


def _duckdb(checkout):
    """The DuckDB the comparison runs: the npm package deploy/setup.sh installs in .tools."""
    package = Path(checkout) / ".tools" / "node_modules" / "@duckdb" / "node-api" / "package.json"
    return json.loads(package.read_text())["version"] if package.exists() else None


def versions(build, checkout, compared_versions=None):
    """Versions by name; `compared_versions` (compare.py's) add the tools it ran."""
    out = {"Compiler": _compiler(build), "Python": platform.python_version(),
           "PostgreSQL server": _postgresql(), "perf": _first_line(["perf", "--version"]),
           "DuckDB (@duckdb/node-api)": _duckdb(checkout),
           "Node.js": _first_line(["node", "--version"])}
    for name, package in PACKAGES.items():
        out[name] = _package_version(package)
    for name, version in (compared_versions or {}).items():
        out[f"{name}, as compare.py ran it"] = version
    return {k: v for k, v in out.items() if v}
