"""`karabakh-atlas serve`: the app's Streamlit server from an installed package, anywhere.

A checkout keeps these settings in .streamlit/config.toml, which Streamlit reads from the folder it is started in; an
installed package has no such folder, so the same settings go on the command line (a test keeps the two equal).
"""

from __future__ import annotations

import sys
from pathlib import Path

from geo.paths import PACKAGE_DIR

SERVER_OPTIONS = {
    "server.enableStaticServing": "true",
    "server.headless": "true",
    "server.fileWatcherType": "none",
    "server.enableWebsocketCompression": "true",
    "server.maxUploadSize": "5",
    "browser.gatherUsageStats": "false",
    "client.toolbarMode": "minimal",
    "runner.postScriptGC": "false",
    "global.minCachedMessageSize": "1000",
}
PAGE = PACKAGE_DIR / "app.py"


def command(port: int, address: str, page: Path = PAGE) -> list[str]:
    """The command line that serves `page` on `address`:`port` with SERVER_OPTIONS."""
    options = {**SERVER_OPTIONS, "server.port": str(port), "server.address": address}
    return [sys.executable, "-m", "streamlit", "run", str(page), *(f"--{k}={v}" for k, v in options.items())]
