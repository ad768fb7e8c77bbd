"""The one exception tree: each error's exit code and HTTP status are set once, in errors.py, and the web app
answers every error in one JSON shape with that status."""

from __future__ import annotations

import pytest

from chatprobe import errors
from chatprobe.errors import (
    AccessDenied,
    ChatprobeError,
    Conflict,
    InputError,
    NotFound,
    NothingToAnalyse,
    ParseError,
    RateLimited,
    StoreError,
)


def test_every_error_has_its_mapping_in_one_place():
    tree = [v for v in vars(errors).values() if isinstance(v, type) and issubclass(v, ChatprobeError)]
    assert len(tree) >= 14
    for cls in tree:
        assert isinstance(cls.exit_code, int) and cls.exit_code > 0
        assert cls.http_status in (403, 404, 409, 422, 429, 500), cls
    assert (InputError.http_status, NotFound.http_status, Conflict.http_status, StoreError.http_status) == \
        (422, 404, 409, 500)
    assert issubclass(NothingToAnalyse, Conflict) and issubclass(ParseError, InputError)
    assert RateLimited("too many", 0).retry_after == 1


def test_no_error_class_lives_outside_errors_py():
    import importlib
    import pkgutil

    import chatprobe
    skip = ("chatprobe.web", "chatprobe.detect.media", "chatprobe.report.pdf")  # optional deps load lazily anyway
    for info in pkgutil.walk_packages(chatprobe.__path__, "chatprobe."):
        if "migrations" in info.name or info.name.startswith(skip) or info.name.endswith("__main__"):
            continue
        mod = importlib.import_module(info.name)
        for value in vars(mod).values():
            if isinstance(value, type) and issubclass(value, BaseException) and value.__module__.startswith("chatprobe"):
                assert value.__module__ == "chatprobe.errors", f"{value.__name__} defined in {value.__module__}"
                assert issubclass(value, ChatprobeError), f"{value.__name__} is outside the one tree"


@pytest.fixture
def app_with_faults(tmp_path):
    from fastapi.testclient import TestClient

    from chatprobe.web.app import create_app
    app = create_app(tmp_path)

    def conflict() -> None:
        raise NothingToAnalyse("case x has not been analysed yet", "chatprobe analyse --case x")

    def denied() -> None:
        raise AccessDenied("your role cannot do that")

    def fault() -> None:
        raise RuntimeError("secret internals")

    for path, fn in (("/api/t/conflict", conflict), ("/api/t/denied", denied), ("/api/t/fault", fault),
                     ("/t/conflict", conflict)):
        app.add_api_route(path, fn)
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as client:
        yield client
    app.state.server.close()


def test_web_maps_each_error_once_in_one_shape(app_with_faults):
    c = app_with_faults
    r = c.get("/api/t/conflict")
    assert r.status_code == 409 and r.json() == {"error": "case x has not been analysed yet",
                                                 "hint": "chatprobe analyse --case x", "status": 409}
    assert c.get("/api/t/denied").json() == {"error": "your role cannot do that", "hint": None, "status": 403}
    r = c.get("/api/t/fault")
    assert r.status_code == 500 and r.json()["status"] == 500 and "secret" not in r.text
    r = c.get("/t/conflict")
    assert r.status_code == 409 and "text/html" in r.headers["content-type"] and "chatprobe analyse" in r.text
    r = c.get("/api/cases")
    assert r.status_code == 401 and r.json() == {"error": "log in first", "hint": None, "status": 401}
