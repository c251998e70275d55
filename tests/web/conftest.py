"""The review UI in-process: the API app over httpx's ASGI transport, a seeded store, users with passwords."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from childsafe.api.app import create_app
from childsafe.config import Settings
from childsafe.store.review import ReviewStore
from childsafe.store.service import ServiceStore
from childsafe.store.sql import SqlStore, open_store
from tests.api.conftest import Client, make_settings
from tests.web.seed import PASSWORD, Seeded, make_users, seed_store

_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "no CSRF field in the page"
    return found.group(1)


@dataclasses.dataclass
class Web:
    settings: Settings
    store: SqlStore
    service: ServiceStore
    reviews: ReviewStore
    seeded: Seeded
    app: Any
    clients: list[Client]

    def client(self) -> Client:
        client = Client(self.app)
        self.clients.append(client)
        return client

    def login(self, name: str = "rita", password: str = PASSWORD) -> Client:
        client = self.client()
        page = client.get("/review/login")
        assert page.status_code == 200
        r = client.post("/review/login", data={"username": name, "password": password, "csrf": csrf_of(page.text)})
        assert r.status_code == 303, r.text
        return client

    def page(self, client: Client, url: str) -> httpx.Response:
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code, r.text[:500])
        return r


@pytest.fixture(scope="module")
def _users_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Users with argon2 passwords cost ~0.1 s each: made once, copied into every test's store."""
    folder = tmp_path_factory.mktemp("users")
    settings = make_settings(folder)
    store = open_store(settings.db_url)
    make_users(ServiceStore(store))
    store.close()
    return folder / "childsafe.sqlite3"


@pytest.fixture
def web(tmp_path: Path, _users_template: Path) -> Iterator[Web]:
    home = tmp_path / "home"
    home.mkdir()
    settings = make_settings(home)
    if not settings.db:  # SQLite: start from the template with the users in it
        import shutil

        shutil.copy(_users_template, home / "childsafe.sqlite3")
    store = open_store(settings.db_url)
    service = ServiceStore.for_settings(store, settings)  # keyed, as the app's
    if settings.db:
        make_users(service)
    seeded = seed_store(store, tmp_path)
    app = create_app(settings, store)
    w = Web(settings, store, service, ReviewStore(service), seeded, app, [])
    yield w
    for c in w.clients:
        c.close()
    app.state.childsafe.cases.close()  # the case stores ?case= pages opened (the app's lifespan does it in serve)
    store.close()
