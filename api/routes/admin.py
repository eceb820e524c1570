"""Administration: reload the API keys and the search index without a restart."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from api.deps import AdminDep, SettingsDep, StoreDep
from api.problems import ApiProblem, responses
from api.schemas import Reloaded
from graphbuilder.errors import InputError
from graphbuilder.store.keys import load_keys
from graphbuilder.store.search import LabelIndex

router = APIRouter(prefix="/admin", tags=["admin"], responses=responses(401, 403))


@router.post("/reload", response_model=Reloaded, responses=responses(400))
async def reload(request: Request, store: StoreDep, settings: SettingsDep, _: AdminDep) -> Reloaded:
    """Re-read the key file and rebuild the search index / 重新加载密钥与搜索索引."""
    try:
        keys = load_keys(settings.api_keys_file)
    except InputError as exc:
        raise ApiProblem(400, str(exc), "invalid-key-file") from None
    index = await run_in_threadpool(LabelIndex.from_store, store)
    request.app.state.keys = keys
    request.app.state.index = index
    request.app.state.suggester = None  # rebuilt from the store on the next request
    return Reloaded(keys=len(keys), nodes=len(index))
