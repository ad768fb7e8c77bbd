"""The web UI's routes, one module per part of the work; every page has a JSON twin under ``/api``."""

from chatprobe.web.routes import cases, export, login, review, workbench

ROUTERS = (login.router, cases.router, review.router, workbench.router, export.router)
