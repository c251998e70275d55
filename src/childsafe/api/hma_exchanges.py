"""The HMA drop-in, exchanges: OpenMediaMatch's ``/c/exchange*`` routes, with HMA's shapes and statuses.

childsafe has no exchanges yet (issue 15): the list is empty, every exchange is unknown (404), and
creating one is refused as HMA refuses an exchange type it does not have (400, after HMA's own
checks of the body).  Deleting a missing exchange is not an error, as in HMA.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends

from childsafe.accounts import Principal
from childsafe.api.state import needs
from childsafe.errors import ConfigError, NotFoundError

__all__ = ["router"]

router = APIRouter(tags=["HMA-compatible"])
Reader = Annotated[Principal, Depends(needs("banks:read"))]
Writer = Annotated[Principal, Depends(needs("banks:write"))]
#: HMA's rule for an exchange's bank name (its ``POST /c/exchanges``).
EXCHANGE_BANK = re.compile(r"[A-Z0-9_]+")


@router.get("/c/exchanges", summary="Exchanges (none: not built yet)")
def list_exchanges(_p: Reader) -> list[str]:
    return []


@router.post("/c/exchanges", status_code=201, summary="Create an exchange (refused: no exchange type is installed)")
def create_exchange(_p: Writer, body: Annotated[Any, Body()]) -> Any:
    if not isinstance(body, dict):
        raise ConfigError("this endpoint expects a json object payload")
    bank = body.get("bank")
    if bank is None:
        raise ConfigError("bank is required")
    if not isinstance(bank, str) or not EXCHANGE_BANK.fullmatch(bank):
        raise ConfigError("Field `bank` must match /^[A-Z0-9_]+$/")
    if not isinstance(body.get("api_json", {}), dict):
        raise ConfigError("Field `api_json` must be object")
    api = body.get("api")
    if api is None:
        raise ConfigError("Field `api_type` is required")
    raise ConfigError(f"No such exchange type '{api}' (exchanges are not built into childsafe yet)")


@router.get("/c/exchanges/apis", summary="Exchange types (none installed)")
def list_exchange_apis(_p: Reader) -> list[str]:
    return []


@router.get("/c/exchanges/api/{api_name}", summary="An exchange type's credentials state")
def get_exchange_api(api_name: str, _p: Reader) -> Any:
    raise ConfigError(f"no such Exchange API '{api_name}'")


@router.post("/c/exchanges/api/{api_name}", summary="Set an exchange type's credentials")
def set_exchange_api(api_name: str, _p: Writer) -> Any:
    raise ConfigError(f"no such Exchange API '{api_name}'")


@router.get("/c/exchanges/api/{api_name}/schema", summary="An exchange type's configuration fields")
def exchange_api_schema(api_name: str, _p: Reader) -> Any:
    raise NotFoundError(f"Exchange API '{api_name}' not found")


@router.get("/c/exchange/{exchange_name}", summary="One exchange")
def get_exchange(exchange_name: str, _p: Reader) -> Any:
    raise NotFoundError(f"Exchange '{exchange_name}' not found")


@router.get("/c/exchange/{exchange_name}/status", summary="One exchange's fetch status")
def exchange_status(exchange_name: str, _p: Reader) -> Any:
    raise NotFoundError(f"Exchange '{exchange_name}' not found")


@router.put("/c/exchange/{exchange_name}", summary="Enable or disable an exchange")
def update_exchange(exchange_name: str, _p: Writer) -> Any:
    raise NotFoundError(f"Exchange '{exchange_name}' not found")


@router.delete("/c/exchange/{exchange_name}", summary="Delete an exchange (a missing one is not an error)")
def delete_exchange(exchange_name: str, _p: Writer) -> dict[str, str]:
    return {"message": "Exchange deleted"}
