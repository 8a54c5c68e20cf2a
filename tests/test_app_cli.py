"""The app's command line: sample, files, --screenshot, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotator_ui import settings
from annotator_ui.app import main as app_main
from annotator_ui.app import sample_path
from PySide6.QtGui import QImage

from annotator.cli import main as cli_main


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    settings.use_settings_folder(tmp_path_factory.mktemp("settings"))
    settings.reset_app_settings()


def test_bundled_sample_is_found() -> None:
    path = sample_path()
    assert path.name.startswith("000_2ce8f3876ecb932f") and path.is_file()


def test_screenshot_through_the_annotator_command(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from annotator.opening import read_documents_from
    from annotator.tei import save_tei

    document = read_documents_from(sample_path())[0][0]
    text = document.text
    if not len(document.annotations):
        per = document.annotate(text.index("مصطفى بالي"), text.index("مصطفى بالي") + 10, "PER")
        quote_start = text.index("المعركة بدأت")
        quote = document.annotate(quote_start, quote_start + len("المعركة بدأت"), "QUOTE",
                                  attributes={"type": "direct"})
        document.annotations.replace(quote.with_changes(links=(("speaker", per.id),)))
    source = tmp_path / "sample.tei.xml"
    save_tei(document, source)
    out = tmp_path / "shot.png"
    assert cli_main(["--screenshot", str(out), "--size", "1000x700", str(source)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    assert source.read_bytes()  # untouched


def test_screenshot_of_a_text_file_default_size(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "shot.png"
    assert app_main(["--screenshot", str(out), str(sample_path())]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)


def test_bad_files_give_one_line_and_status_2(qapp, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.tei.xml"
    broken.write_text("<TEI><unclosed>", encoding="utf-8")
    out = tmp_path / "x.png"
    assert app_main(["--screenshot", str(out), str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "broken.tei.xml" in err and "Traceback" not in err
    assert app_main(["--screenshot", str(out), str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt: no such file" in capsys.readouterr().err
    assert app_main(["--screenshot", str(out), "--size", "big", str(sample_path())]) == 2
    assert not out.exists()


def test_help_is_reached_through_the_annotator_command(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as stop:
        app_main(["--help"])
    assert stop.value.code == 0
    assert "--screenshot" in capsys.readouterr().out
    assert Path(sample_path()).exists()


def test_annotator_help_mentions_the_app_options(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        cli_main(["--help"])
    assert "--screenshot OUT.png" in capsys.readouterr().out


def test_no_display_gives_a_message_not_a_crash(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import sys

    if sys.platform.startswith(("win", "darwin")):
        pytest.skip("X11/Wayland only")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert app_main([str(sample_path())]) == 2
    assert "no display" in capsys.readouterr().err
