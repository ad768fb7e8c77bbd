"""The HTML report printed to PDF by headless Chromium (Debian's ``chromium``), fully offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from chatprobe.errors import PdfError

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw"]


def chromium() -> str | None:
    env = os.environ.get("CHATPROBE_CHROMIUM")
    if env:
        return env
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def html_to_pdf(html: str, out: Path, timeout: float = 180) -> None:
    exe = chromium()
    if exe is None:
        raise PdfError("cannot write the PDF: Chromium is not installed",
                       hint="install it (Debian: sudo apt-get install chromium) or set CHATPROBE_CHROMIUM; "
                            "the HTML report needs nothing")
    out = Path(out).resolve()
    with tempfile.TemporaryDirectory(prefix="chatprobe-pdf-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        tmp_pdf = Path(tmp) / "report.pdf"
        cmd = [exe, *FLAGS, f"--user-data-dir={tmp}/profile", f"--print-to-pdf={tmp_pdf}", page.as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(f"Chromium took more than {timeout:.0f} s to print the report",
                           hint="write --report HTML and print it from a browser") from None
        if not tmp_pdf.exists() or tmp_pdf.stat().st_size == 0:
            raise PdfError(f"Chromium did not write the PDF (exit {proc.returncode}): {proc.stderr.strip()[-300:]}",
                           hint="write --report HTML and print it from a browser")
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(tmp_pdf), out)
