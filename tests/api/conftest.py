"""The API in-process: httpx over ASGITransport (no server, no socket), with its own store and users."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from childsafe.accounts import issue_token
from childsafe.api.app import create_app
from childsafe.config import Settings, load_settings
from childsafe.store import SqlStore, open_store
from childsafe.store.service import ServiceStore
from tests.postgres import postgres_url, reset_postgres

PDQ = "d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22"
MD5 = "d41d8cd98f00b204e9800998ecf8427e"
PASSWORD = "correct horse battery staple"
SAMPLES = Path(__file__).resolve().parents[2] / "src" / "childsafe" / "samples"


class Client:
    """A synchronous face on ``httpx.AsyncClient(transport=ASGITransport(app))``.

    Starlette's TestClient is not used: importing it warns (deprecated with httpx) and the suite
    turns warnings into errors.
    """

    def __init__(self, app: Any, token: str | None = None) -> None:
        self.loop = asyncio.new_event_loop()
        self.http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=("203.0.113.7", 4321)),
                                      base_url="http://childsafe.test")
        self.token = token

    def as_(self, token: str | None) -> Client:
        other = object.__new__(Client)
        other.loop, other.http, other.token = self.loop, self.http, token
        return other

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", None) or {})
        if self.token is not None:
            headers.setdefault("Authorization", f"Bearer {self.token}")
        return self.loop.run_until_complete(self.http.request(method, url, headers=headers, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", url, **kwargs)

    def patch(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("PATCH", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", url, **kwargs)

    def close(self) -> None:
        self.loop.run_until_complete(self.http.aclose())
        self.loop.close()


@dataclasses.dataclass
class Service:
    settings: Settings
    store: SqlStore
    service: ServiceStore
    app: Any
    client: Client  # no token
    admin: Client
    reviewer: Client
    api: Client  # an api-client
    tokens: dict[str, str]


#: The API suite runs on SQLite and, when there is one to test against (see tests/postgres.py), PostgreSQL.
PG_URL = postgres_url()
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def make_settings(home: Path, backend: str = "sqlite", **overrides: Any) -> Settings:
    settings = load_settings({"home": home}, {})
    if backend == "postgresql":
        reset_postgres(PG_URL)  # a fresh, empty schema for every service a test makes
        overrides.setdefault("db", PG_URL)
    return dataclasses.replace(settings, **overrides)


@pytest.fixture(params=BACKENDS)
def make_service(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    made: list[Service] = []
    backend: str = request.param

    def make(**overrides: Any) -> Service:
        home = tmp_path / f"home{len(made)}"
        home.mkdir()
        settings = make_settings(home, backend, **overrides)
        store = open_store(settings.db_url)
        service = ServiceStore.for_settings(store, settings)  # keyed, as the app's (one key file in the home)
        # No passwords here (argon2 costs ~0.1 s each): the login tests make their own users.
        for name, role in (("root", "admin"), ("rita", "reviewer"), ("bot", "api-client")):
            service.create_user(name, role, None, actor="test")
        tokens = {name: issue_token(service, name, actor="test")[1] for name in ("root", "rita", "bot")}
        app = create_app(settings, store)
        client = Client(app)
        svc = Service(settings, store, service, app, client, client.as_(tokens["root"]),
                      client.as_(tokens["rita"]), client.as_(tokens["bot"]), tokens)
        made.append(svc)
        return svc

    yield make
    for svc in made:
        svc.client.close()
        # The app's lifespan closes the case stores it opened for ``?case=`` requests; these tests drive the
        # app without one, so close them here (a case store left open leaked a PostgreSQL connection that
        # the garbage collector then reported in whichever later test it ran under).
        svc.app.state.childsafe.cases.close()
        svc.store.close()


@pytest.fixture
def svc(make_service: Any) -> Service:
    s: Service = make_service()
    return s
