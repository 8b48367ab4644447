"""Import and export: CSV of applications, complete JSON backups."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from nextround.errors import DataError, NextroundError
from nextround.services import backup, csv_io
from nextround.storage.uow import UnitOfWork
from nextround.web.deps import get_uow, redirect, render

router = APIRouter()
MAX_UPLOAD = 50 * 1024 * 1024


@router.get("/data", response_class=HTMLResponse)
def data_page(request: Request) -> HTMLResponse:
    return render(request, "data.html", {"problems": [], "error": None})


def _download(content: str, name: str, media: str) -> Response:
    return Response(content, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/export/applications.csv")
def export_csv(uow: UnitOfWork = Depends(get_uow)) -> Response:
    stamp = datetime.now(UTC).strftime("%Y%m%d")
    return _download(csv_io.export_csv(uow), f"nextround-applications-{stamp}.csv",
                     "text/csv; charset=utf-8")


@router.get("/export/backup.json")
def export_json(uow: UnitOfWork = Depends(get_uow)) -> Response:
    import json

    stamp = datetime.now(UTC).strftime("%Y%m%d")
    text = json.dumps(backup.export_backup(uow), ensure_ascii=False, indent=1)
    return _download(text, f"nextround-backup-{stamp}.json", "application/json")


async def _read_upload(upload: UploadFile) -> bytes:
    data = await upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise DataError("The file is larger than 50 MB.")
    if not data:
        raise DataError("The file is empty.", "Choose a file exported from your tracker.")
    return data


@router.post("/import", response_model=None)
async def import_file(request: Request, file: UploadFile, kind: str = "csv",
                      uow: UnitOfWork = Depends(get_uow)) -> Response:
    form = await request.form()
    kind = str(form.get("kind", kind))
    layout = str(form.get("layout", "") or "") or None
    try:
        raw = await _read_upload(file)
        if kind == "json":
            counts = backup.import_backup(uow, raw.decode("utf-8-sig", errors="strict"))
            message = f"Restored {counts.get('applications', 0)} applications."
        else:
            chosen, count = csv_io.import_csv(uow, csv_io.decode_csv(raw), layout)
            message = f"Imported {count} applications ({chosen} layout)."
    except UnicodeDecodeError:
        return render(request, "data.html", {"error": "The backup is not UTF-8 text.",
                                             "problems": []}, status_code=422)
    except NextroundError as exc:
        uow.rollback()
        problems = exc.problems if isinstance(exc, DataError) else []
        return render(request, "data.html", {"error": str(exc), "problems": problems},
                      status_code=422)
    uow.commit()
    return redirect(request, "/applications", flash=message)
