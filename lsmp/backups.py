"""Backups that restore: the database and the private media files, with a manifest of SHA-256
checksums that a restore checks before it touches anything.

A backup is a folder:
    manifest.json     what is in it, with the size and SHA-256 of every file
    database.dump     pg_dump's custom format (Postgres), or a copy of the SQLite file
    media/...         the private media files (papers, signed decisions, appendices)

Consistency: on Postgres the dump and the list of files the database refers to come from one
snapshot (pg_dump --snapshot with a snapshot exported by a REPEATABLE READ transaction), so every
file a row of the dump names is looked for. Stored files are never changed once written (their
names are generated), so copying them after the snapshot copies what the rows meant. A referenced
file that is not on disk is recorded in the manifest and reported, never silently left out.
SQLite (the embedded default) is copied with its online backup API, and the referenced files are
read from that copy."""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, connections, models

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_FILE = "database.dump"
MEDIA_DIR = "media"


class BackupError(Exception):
    """A backup or restore that must not go on; the message says why, for the operator."""


@dataclass(frozen=True)
class BackupSummary:
    folder: Path
    database_bytes: int
    media_files: int
    missing_referenced: tuple[str, ...]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _entry(path: Path, name: str) -> dict:
    return {"path": name, "bytes": path.stat().st_size, "sha256": _sha256(path)}


def _media_root() -> Path:
    return Path(settings.STORAGES["default"]["OPTIONS"]["location"])


def _file_columns() -> list[tuple[str, str]]:
    """(table, column) of every FileField of every installed model."""
    return [(model._meta.db_table, field.column)
            for model in apps.get_models() for field in model._meta.concrete_fields
            if isinstance(field, models.FileField)]


def _referenced_files(cursor, quote) -> set[str]:
    names = set()
    for table, column in _file_columns():
        cursor.execute(f"SELECT {quote(column)} FROM {quote(table)} WHERE {quote(column)} <> ''")  # noqa: S608
        names.update(row[0] for row in cursor.fetchall())
    return names


def _postgres_env(config: dict) -> tuple[list[str], dict]:
    args = ["-h", config.get("HOST") or "127.0.0.1", "-p", str(config.get("PORT") or 5432)]
    if config.get("USER"):
        args += ["-U", config["USER"]]
    env = {**os.environ}
    if config.get("PASSWORD"):
        env["PGPASSWORD"] = config["PASSWORD"]
    return args, env


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")


def _dump_postgres(target: Path) -> set[str]:
    """Dumps the database and returns the files it refers to, both from one snapshot."""
    if shutil.which("pg_dump") is None:
        raise BackupError("pg_dump is not on the PATH (install the PostgreSQL client of the server's version)")
    config = connection.settings_dict
    args, env = _postgres_env(config)
    # A connection of its own, in autocommit mode, so that BEGIN is really the first statement
    # of the snapshot's transaction whatever the default connection was doing.
    snapshot_connection = connections.create_connection("default")
    try:
        with snapshot_connection.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            # The transaction stays open while pg_dump runs, so the snapshot stays importable.
            _run(["pg_dump", *args, "--format=custom", f"--snapshot={snapshot}", "--file", str(target),
                  config["NAME"]], env)
            referenced = _referenced_files(cursor, snapshot_connection.ops.quote_name)
            cursor.execute("COMMIT")
        return referenced
    finally:
        snapshot_connection.close()


def _dump_sqlite(target: Path) -> set[str]:
    source = sqlite3.connect(connection.settings_dict["NAME"])
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        cursor = copy.cursor()
        return _referenced_files(cursor, lambda name: f'"{name}"')
    finally:
        copy.close()
        source.close()


def backup_create(*, destination: Path, now: datetime | None = None) -> BackupSummary:
    """Writes a new backup folder under destination and returns what it holds."""
    now = now or datetime.now(UTC)
    folder = Path(destination) / f"lsmp-backup-{now:%Y%m%dT%H%M%SZ}"
    if folder.exists():
        raise BackupError(f"{folder} exists already")
    (folder / MEDIA_DIR).mkdir(parents=True)
    vendor = connection.vendor
    if vendor == "postgresql":
        referenced = _dump_postgres(folder / DATABASE_FILE)
    elif vendor == "sqlite":
        referenced = _dump_sqlite(folder / DATABASE_FILE)
    else:
        raise BackupError(f"no backup for a {vendor} database")

    media_root, media = _media_root(), []
    if media_root.exists():
        for source in sorted(path for path in media_root.rglob("*") if path.is_file()):
            name = source.relative_to(media_root).as_posix()
            copy = folder / MEDIA_DIR / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
            media.append(_entry(copy, name))
    missing = sorted(referenced - {entry["path"] for entry in media})
    manifest = {
        "format": FORMAT,
        "created_at": now.isoformat(),
        "database": {"vendor": vendor, **_entry(folder / DATABASE_FILE, DATABASE_FILE)},
        "media": media,
        "missing_referenced_media": missing,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
    return BackupSummary(folder, manifest["database"]["bytes"], len(media), tuple(missing))


def backup_verify(*, folder: Path) -> dict:
    """The manifest, once every file it lists is present with its size and checksum, and no
    file is there that it does not list. Raises BackupError naming each problem."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"no readable {MANIFEST} in {folder}: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    problems = []
    expected = [manifest["database"], *({**entry, "path": f"{MEDIA_DIR}/{entry['path']}"}
                                        for entry in manifest["media"])]
    for entry in expected:
        path = folder / entry["path"]
        if not path.is_file():
            problems.append(f"missing: {entry['path']}")
        elif path.stat().st_size != entry["bytes"] or _sha256(path) != entry["sha256"]:
            problems.append(f"checksum differs: {entry['path']}")
    listed = {entry["path"] for entry in expected}
    extra = sorted(path.relative_to(folder).as_posix() for path in (folder / MEDIA_DIR).rglob("*")
                   if path.is_file() and path.relative_to(folder).as_posix() not in listed)
    problems += [f"not in the manifest: {name}" for name in extra]
    if problems:
        raise BackupError("the backup does not match its manifest:\n  " + "\n  ".join(problems))
    return manifest


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def _restore_postgres(dump: Path) -> None:
    if shutil.which("pg_restore") is None:
        raise BackupError("pg_restore is not on the PATH (install the PostgreSQL client of the server's version)")
    config = connection.settings_dict
    args, env = _postgres_env(config)
    connections.close_all()
    # One transaction: a restore that fails half-way leaves the database as it was.
    _run(["pg_restore", *args, "--dbname", config["NAME"], "--clean", "--if-exists", "--no-owner",
          "--no-privileges", "--single-transaction", "--exit-on-error", str(dump)], env)


def _restore_sqlite(dump: Path) -> None:
    connections.close_all()
    source = sqlite3.connect(dump)
    target = sqlite3.connect(connection.settings_dict["NAME"])
    try:
        source.backup(target)  # page by page, through SQLite itself: safe with its WAL journal
    finally:
        target.close()
        source.close()


def _restore_media(folder: Path, manifest: dict, replace: bool, now: datetime) -> Path | None:
    root, set_aside = _media_root(), None
    if root.exists() and any(root.iterdir()):
        if not replace:
            raise BackupError(f"the media folder {root} is not empty (use --replace)")
        # Kept, not deleted: a restore is never the only copy of anything.
        set_aside = root.with_name(f"{root.name}.replaced-{now:%Y%m%dT%H%M%SZ}")
        root.rename(set_aside)
    root.mkdir(parents=True, exist_ok=True)
    for entry in manifest["media"]:
        target = root / entry["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folder / MEDIA_DIR / entry["path"], target)
        if _sha256(target) != entry["sha256"]:
            raise BackupError(f"copying {entry['path']} into {root} did not give the same bytes")
    return set_aside


def backup_restore(*, folder: Path, replace: bool = False, now: datetime | None = None) -> Path | None:
    """Checks the backup against its manifest, then restores the database and the media files.
    Refuses a database or media folder that holds data unless replace is true (the replaced
    media folder is set aside, and its new name returned)."""
    now = now or datetime.now(UTC)
    folder = Path(folder)
    manifest = backup_verify(folder=folder)
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(f"a {vendor} backup cannot be restored into a {connection.vendor} database")
    if not replace and not _database_is_empty():
        raise BackupError("the database is not empty (use --replace)")
    media_root = _media_root()
    if not replace and media_root.exists() and any(media_root.iterdir()):
        raise BackupError(f"the media folder {media_root} is not empty (use --replace)")
    if vendor == "postgresql":
        _restore_postgres(folder / DATABASE_FILE)
    else:
        _restore_sqlite(folder / DATABASE_FILE)
    return _restore_media(folder, manifest, replace, now)
