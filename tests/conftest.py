"""Shared fixtures.  Qt runs headless: the platform is forced to offscreen before any Qt import."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from annotator_ui.settings import Settings

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Commands run by tests (``python -m annotator …``) must use the installed package, as users
# do, not the source folder that Python would otherwise put first on sys.path from the
# current directory (resources and seeds are only mapped into the package when installed).
os.environ["PYTHONSAFEPATH"] = "1"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
# Settings, recent files and recovery copies written by app tests go to a throw-away folder,
# never the real user's (QSettings and QStandardPaths follow these on Linux).
_QT_HOME = tempfile.mkdtemp(prefix="annotator-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_QT_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_QT_HOME, "data")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_TEXT = ROOT / "seeds" / "000_2ce8f3876ecb932f.txt"


def _need_shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (../shared is absent)")
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared``, or a visible skip when it is absent."""
    return _need_shared()


@pytest.fixture(scope="session")
def corpora_dir() -> Path:
    """``../shared/corpora``, or a visible skip."""
    return _need_shared("corpora")


@pytest.fixture(scope="session")
def tei_schema():
    """The bundled TEI P5 tei_all RELAX NG schema (about 5 s to compile): the very object
    ``annotator validate --schema tei_all`` uses, so the session compiles it once."""
    from annotator.schema import tei_all

    return tei_all()


@pytest.fixture()
def sample_text() -> str:
    """The bundled sample article, exactly as stored."""
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture()
def settings(qapp: object, tmp_path: Path) -> Iterator[Settings]:
    """The app's shared settings, kept in a temporary folder, with the annotator "layla"."""
    from annotator_ui import settings as settings_module

    settings_module.use_settings_folder(tmp_path / "settings")
    settings_module.reset_app_settings()
    chosen = settings_module.app_settings()
    chosen.annotator = "layla"
    yield chosen
    settings_module.reset_app_settings()


@pytest.fixture()
def app_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """App settings in a temporary folder, with an annotator name already chosen."""
    from annotator_ui import settings  # after QT_QPA_PLATFORM is set above

    settings.use_settings_folder(tmp_path_factory.mktemp("settings"))
    settings.reset_app_settings()
    settings.Settings().annotator = "tester"
