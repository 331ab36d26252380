"""A headless Chromium driven over the DevTools protocol, for page tests.

``--remote-debugging-pipe`` speaks the protocol over file descriptors 3 (commands in)
and 4 (answers out), NUL-separated JSON: no websocket library, no open port. Clicks
are real input events (``Input.dispatchMouseEvent``), so a test that clicks a node
goes through the same hit-testing as a person's click.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Any

from headless import FLAGS, chromium


class Browser:
    """One browser with one page, closed by :meth:`close`."""

    def __init__(self, profile: Path, width: int = 1280, height: int = 900) -> None:
        to_child, self._to_browser = os.pipe()
        self._from_browser, from_child = os.pipe()
        # Above 3 and 4, so that placing them there in the child clobbers neither.
        high_in = fcntl.fcntl(to_child, fcntl.F_DUPFD_CLOEXEC, 64)
        high_out = fcntl.fcntl(from_child, fcntl.F_DUPFD_CLOEXEC, 64)
        os.close(to_child)
        os.close(from_child)

        def wire() -> None:  # runs in the child: the protocol's fixed descriptors
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self.proc = subprocess.Popen(
            [chromium(), *FLAGS, "--hide-scrollbars", f"--user-data-dir={profile}",
             "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),  # what wire() put there survives the closing of the rest
            preexec_fn=wire,
        )  # fmt: skip
        os.close(high_in)
        os.close(high_out)
        self._buffer = b""
        self._next_id = 0
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)[
            "sessionId"
        ]
        self.page("Page.enable")
        self.page("Runtime.enable")
        self.page(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def _send(self, message: dict[str, Any]) -> int:
        self._next_id += 1
        message["id"] = self._next_id
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        return self._next_id

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        answer: dict[str, Any] = json.loads(raw)
        return answer

    def call(self, method: str, timeout: float = 30, **params: Any) -> dict[str, Any]:
        """A browser-level command; returns its result."""
        return self._wait(self._send({"method": method, "params": params}), timeout)

    def page(self, method: str, timeout: float = 30, **params: Any) -> dict[str, Any]:
        """A command to the page."""
        message = {"method": method, "params": params, "sessionId": self.session}
        return self._wait(self._send(message), timeout)

    def _wait(self, wanted: int, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            answer = self._receive(deadline)
            if answer.get("id") == wanted:
                if "error" in answer:
                    raise RuntimeError(f"DevTools error: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (JSON-able values)."""
        result = self.page("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str, ready: str, timeout: float = 60) -> None:
        """Navigate and wait until the expression ``ready`` is true."""
        self.page("Page.navigate", url=url)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(f"Boolean({ready})"):
                return
            time.sleep(0.2)
        raise TimeoutError(f"page not ready: {ready}")

    def settle(self) -> None:
        """Wait for the page to draw two more frames (canvas drawing is asynchronous)."""
        self.page(
            "Runtime.evaluate",
            expression="new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))",
            awaitPromise=True,
        )

    def click(self, x: float, y: float) -> None:
        """A left click at page coordinates, as a mouse would make it."""
        self.page("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        for kind in ("mousePressed", "mouseReleased"):
            self.page("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def type_text(self, text: str) -> None:
        """Type into the focused element."""
        self.page("Input.insertText", text=text)

    def screenshot(self) -> bytes:
        """A PNG of the viewport."""
        return base64.b64decode(self.page("Page.captureScreenshot", format="png")["data"])

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.call("Browser.close", timeout=10)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
