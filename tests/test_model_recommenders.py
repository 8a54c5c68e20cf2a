"""The ``model`` recommender: a Hugging Face token-classification folder and a spaCy pipeline
folder the user already has.

Every model here is built on disk by the test (a tiny BERT with a WordPiece tokenizer made
from a small Arabic vocabulary, saved with ``save_pretrained``; spaCy pipelines saved with
``nlp.to_disk``) and read back through the real loaders.  A random BERT's predictions are
arbitrary, so one BERT is wired to be predictable: no transformer layers, each word
embedding pointing at one label and the classifier the identity, so a token's label is a
function of the token alone and the windowing, offset alignment, aggregation and snapping can
be checked exactly.  The pure steps are also tested with controlled predictions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
import torch
from cli_runner import run
from hypothesis import given
from hypothesis import strategies as st
from spacy.training import Example
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

from annotator.align import align_span
from annotator.model import Document
from annotator.suggest.hf_model import (
    HfRecommender,
    load_hf_model,
    token_windows,
    window_owners,
    word_tags,
)
from annotator.suggest.model_folder import (
    SETTINGS_NAME,
    ModelError,
    model_kind,
    model_recommender,
    read_model_settings,
)
from annotator.suggest.model_spans import LabelMapper, snap_span, split_tag, tag_runs
from annotator.suggest.registry import RecommenderSource, build_recommender, check_recommender
from annotator.suggest.spacy_model import SpacyRecommender, text_chunks
from annotator.tagset import default_tagset
from annotator.tei import load_tei, save_tei

LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-DATE", "I-DATE"]
# Token -> label in the predictable model; every other token is O.
TOKEN_LABELS = {
    "ولبنان": "B-LOC", "لبنان": "B-LOC", "بيروت": "B-LOC", "##بيروت": "B-LOC",
    "محمد": "B-PERS", "علي": "I-PERS", "أمس": "B-DATE",
}
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "قال", "في", "إن", "و", "زار", "الوضع",
         "هادئ", ".", "،", "وصل", "إلى", *TOKEN_LABELS, "##ل", "##بنان", "بنان"]
# The emoji and the tashkeel (قالَ, الرئيسُ) come before the entities, so a Python offset that
# counted UTF-16 units or bytes, or a tokenizer offset into normalized text, would land wrong.
TEXT = "قالَ 😀 الرئيسُ محمد علي في بيروت إن الوضع في ولبنان هادئ، وزار لبنان أمس.\n"
TAGSET = default_tagset()


def _tokenizer(max_length: int) -> BertTokenizerFast:
    """A fast WordPiece tokenizer over :data:`VOCAB`, BERT-style ([CLS] text [SEP])."""
    tokenizer = Tokenizer(models.WordPiece({w: i for i, w in enumerate(VOCAB)},
                                           unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=False, strip_accents=False)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]",
        special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
    tokenizer.decoder = decoders.WordPiece()
    return BertTokenizerFast(tokenizer_object=tokenizer, model_max_length=max_length,
                             do_lower_case=False, strip_accents=False, unk_token="[UNK]",
                             pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]",
                             mask_token="[MASK]")


def _bert(folder: Path, *, predictable: bool, max_length: int = 16) -> Path:
    """A tiny BERT token classifier saved in ``folder`` (see the module docstring)."""
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(VOCAB), hidden_size=len(LABELS),
                        num_hidden_layers=0 if predictable else 1, num_attention_heads=1,
                        intermediate_size=8, max_position_embeddings=32,
                        id2label=dict(enumerate(LABELS)),
                        label2id={label: i for i, label in enumerate(LABELS)})
    model = BertForTokenClassification(config)
    if predictable:
        with torch.no_grad():
            embeddings = model.bert.embeddings
            embeddings.position_embeddings.weight.zero_()
            embeddings.token_type_embeddings.weight.zero_()
            embeddings.word_embeddings.weight.fill_(-1.0)
            for token, index in ((t, i) for i, t in enumerate(VOCAB)):
                label = LABELS.index(TOKEN_LABELS.get(token, "O"))
                embeddings.word_embeddings.weight[index, label] = 1.0
            # و is O, but barely: B-LOC comes close, so its O is less sure than ##بيروت's LOC.
            embeddings.word_embeddings.weight[VOCAB.index("و"), LABELS.index("B-LOC")] = 0.8
            model.classifier.weight.copy_(torch.eye(len(LABELS)) * 10)
            model.classifier.bias.zero_()
    model.save_pretrained(folder)
    _tokenizer(max_length).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def bert(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _bert(tmp_path_factory.mktemp("bert"), predictable=True)


def _spans(proposals: list, text: str) -> list[tuple[str, str]]:
    return sorted((text[p.start:p.end], p.label) for p in proposals)


# -- Hugging Face -----------------------------------------------------------------------------

def test_a_hugging_face_folder_proposes_in_code_points_with_proclitics_left_out(
        bert: Path) -> None:
    recommender = model_recommender(bert, None, TAGSET)
    assert isinstance(recommender, HfRecommender) and recommender.name == "model"
    proposals = recommender.propose(Document("d", TEXT))
    lebanon = TEXT.index("ولبنان") + 1
    assert [(p.start, p.end, p.label) for p in proposals if p.start == lebanon] == [
        (lebanon, lebanon + 5, "LOC")]  # the model marked all of ولبنان; لبنان stands alone
    assert _spans(proposals, TEXT) == [("بيروت", "LOC"), ("لبنان", "LOC"), ("لبنان", "LOC"),
                                       ("محمد علي", "PER")]  # PERS mapped, DATE not in the set
    assert recommender.unmapped == ["DATE"]
    assert all(0.99 < p.score <= 1 and p.recommender == "model" for p in proposals)


def test_a_whole_word_stays_whole_when_its_stem_is_not_a_word_of_the_text(bert: Path) -> None:
    text = "زار ولبنان أمس، وزار بيروت."  # لبنان never stands alone here
    proposals = model_recommender(bert, None, TAGSET).propose(Document("d", text))
    assert _spans(proposals, text) == [("بيروت", "LOC"), ("ولبنان", "LOC")]


def test_project_settings_name_the_folder_map_labels_and_keep_proclitics(
        bert: Path, tmp_path: Path) -> None:
    (tmp_path / SETTINGS_NAME).write_text(
        f'[model]\npath = "{bert.as_posix()}"\nproclitics = "keep"\n'
        'labels = { DATE = "MISC", PERS = "" }\n', encoding="utf-8")
    source = RecommenderSource(project=tmp_path)
    check_recommender("model", source)  # no --model needed: the project names it
    recommender = build_recommender("model", source)
    assert _spans(recommender.propose(Document("d", TEXT)), TEXT) == [
        ("أمس", "MISC"), ("بيروت", "LOC"), ("لبنان", "LOC"), ("ولبنان", "LOC")]


def test_max_aggregation_takes_the_most_confident_subword(bert: Path, tmp_path: Path) -> None:
    text = "وصل وبيروت هادئ."  # و + ##بيروت: the first subword says O, the second LOC
    loaded = load_hf_model(bert)
    first = HfRecommender(loaded, LabelMapper(TAGSET), aggregation="first")
    best = HfRecommender(loaded, LabelMapper(TAGSET), aggregation="max")
    assert first.propose(Document("d", text)) == []
    assert _spans(best.propose(Document("d", text)), text) == [("وبيروت", "LOC")]


def test_long_documents_are_read_in_overlapping_windows(bert: Path) -> None:
    loaded = load_hf_model(bert)
    assert loaded.window == 14 and loaded.prefix == (2,) and loaded.suffix == (3,)
    recommender = HfRecommender(loaded, LabelMapper(TAGSET))
    text = TEXT * 40  # about 900 tokens, windows of 14
    steps: list[tuple[int, int]] = []
    _, _, labels, _ = recommender.predict(text, lambda done, total: steps.append(
        (done, total)))
    assert steps[-1][0] == steps[-1][1] > 60
    tokens = loaded.tokenizer.backend_tokenizer.encode(text, add_special_tokens=False).tokens
    # Each token's label is its own (the model ignores context): every window row landed on
    # the token it belongs to.
    assert [LABELS[label] for label in labels] == [TOKEN_LABELS.get(t, "O") for t in tokens]
    one = _spans(recommender.propose(Document("d", TEXT)), TEXT)
    many = recommender.propose(Document("d", text))
    assert _spans(many, text) == sorted(one * 40)
    assert all(text[p.start:p.end] == TEXT[q.start:q.end] for p, q in
               zip(many, recommender.propose(Document("d", TEXT)) * 40, strict=True))


def test_a_random_model_gives_proposals_on_word_boundaries(tmp_path: Path) -> None:
    folder = _bert(tmp_path / "random", predictable=False)
    recommender = model_recommender(folder, None, TAGSET)
    text = TEXT * 5
    proposals = recommender.propose(Document("d", text))
    for p in proposals:
        assert 0 <= p.start < p.end <= len(text) and p.label in TAGSET
        assert align_span(text, p.start, p.end, "expand") == (p.start, p.end)
        assert 0 <= p.score <= 1


def test_the_command_line_suggests_with_a_model_folder(
        bert: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_tei(Document("news", TEXT), tmp_path / "news.tei.xml")
    status, _, err = run(capsys, "suggest", tmp_path / "news.tei.xml", "-o", tmp_path / "out",
                         "--recommender", "model", "--model", bert)
    assert status == 0, err
    document = load_tei(tmp_path / "out" / "news.tei.xml")
    assert _spans([a for a in document.annotations if a.layer == "suggestion"], TEXT) == [
        ("بيروت", "LOC"), ("لبنان", "LOC"), ("لبنان", "LOC"), ("محمد علي", "PER")]


# -- pure steps, with controlled predictions ---------------------------------------------------

@given(count=st.integers(0, 300), size=st.integers(2, 40), overlap=st.integers(0, 40))
def test_windows_cover_every_token_and_each_is_read_once(count: int, size: int,
                                                         overlap: int) -> None:
    windows = token_windows(count, size, overlap)
    assert all(b - a <= size for a, b in windows)
    owned = window_owners(windows)
    tokens = [t for (a, b), (lo, hi) in zip(windows, owned, strict=True)
              for t in range(lo, hi) if a <= t < b]
    assert tokens == list(range(count))


def test_words_take_their_first_or_most_confident_subwords_tag() -> None:
    word_ids = [0, 1, 1, 1, None, 2]
    labels = [1, 0, 3, 4, 0, 3]
    scores = [0.9, 0.6, 0.95, 0.7, 0.99, 0.5]
    assert word_tags(word_ids, labels, scores, "first") == [
        (0, 1, 1, 0.9), (1, 4, 0, 0.6), (4, 5, 0, 0.99), (5, 6, 3, 0.5)]
    assert word_tags(word_ids, labels, scores, "max")[1] == (1, 4, 3, 0.95)


@pytest.mark.parametrize(("tags", "runs"), [
    (["B-PER", "I-PER", "O", "B-LOC", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC")]),
    (["I-PER", "I-PER", "I-LOC"], [(0, 2, "PER"), (2, 3, "LOC")]),  # stray I- starts a run
    (["S-LOC", "B-ORG", "E-ORG", "I-ORG"], [(0, 1, "LOC"), (1, 3, "ORG"), (3, 4, "ORG")]),
    (["U-PER", "L-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
    (["PERS", "PERS", "O", "LOC"], [(0, 2, "PERS"), (3, 4, "LOC")]),  # IO, no prefixes
])
def test_tag_runs_read_bio_bioes_and_io(tags: list[str], runs: list) -> None:
    assert tag_runs(tags) == runs


def test_labels_are_mapped_to_the_tag_set() -> None:
    mapper = LabelMapper(TAGSET, {"LABEL_3": "LOC", "MISC": ""})
    assert [mapper.label_for(n) for n in ("PER", "PERS", "person", "ORGANIZATION", "LABEL_3",
                                          "MISC", "DATE")] == [
        "PER", "PER", "PER", "ORG", "LOC", None, None]
    assert mapper.unmapped(["O", "B-DATE", "I-DATE", "B-MISC", "B-PER"]) == ["DATE", "MISC"]
    assert split_tag("B_LOC") == ("B", "LOC") and split_tag("O") == ("O", "")


def test_snapping_trims_and_leaves_out_proclitics_of_known_stems() -> None:
    text = "في «ولبنان» و لبنان وبغداد"
    words = frozenset({"لبنان"})
    whole = text.index("ولبنان")
    assert snap_span(text, whole - 1, whole + 7, words) == (whole + 1, whole + 6)
    assert snap_span(text, whole - 1, whole + 7, None) == (whole, whole + 6)
    baghdad = text.index("وبغداد")
    assert snap_span(text, baghdad, baghdad + 6, words) == (baghdad, baghdad + 6)
    assert snap_span(text, 2, 3, words) is None  # only a space and a quote mark


# -- spaCy -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ruler_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An Arabic pipeline whose entity ruler and span ruler give known answers."""
    nlp = spacy.blank("ar")
    nlp.add_pipe("entity_ruler").add_patterns([
        {"label": "PERS", "pattern": "محمد علي"},
        {"label": "LOC", "pattern": "ولبنان"},
        {"label": "DATE", "pattern": "أمس"},
    ])
    nlp.add_pipe("span_ruler").add_patterns([{"label": "GPE", "pattern": "بيروت"}])
    folder = tmp_path_factory.mktemp("spacy") / "ruler"
    nlp.to_disk(folder)
    return folder


def test_a_spacy_folder_proposes_entities_and_spans_in_code_points(
        ruler_pipeline: Path) -> None:
    assert model_kind(ruler_pipeline) == "spacy"
    recommender = model_recommender(ruler_pipeline, None, TAGSET)
    assert isinstance(recommender, SpacyRecommender)
    text = TEXT + "\n" + TEXT  # two paragraphs, the second's offsets moved by the first's
    proposals = recommender.propose(Document("d", text))
    assert _spans(proposals, text) == sorted(
        [("بيروت", "GPE"), ("لبنان", "LOC"), ("محمد علي", "PER")] * 2)
    lebanon = text.rindex("ولبنان") + 1
    assert any((p.start, p.end) == (lebanon, lebanon + 5) for p in proposals)
    assert {p.score for p in proposals} == {1.0}
    assert recommender.unmapped == ["DATE"]


def test_a_trained_spacy_ner_loads_and_finds_what_it_learned(tmp_path: Path) -> None:
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("ar")
    ner = nlp.add_pipe("ner")
    sentences = [("زار محمد علي بيروت أمس.", [("محمد علي", "PERS"), ("بيروت", "LOC")]),
                 ("قال محمد علي إن الوضع هادئ في بيروت.", [("محمد علي", "PERS"),
                                                           ("بيروت", "LOC")])]
    examples = []
    for text, entities in sentences:
        spans = [(text.index(e), text.index(e) + len(e), label) for e, label in entities]
        examples.append(Example.from_dict(nlp.make_doc(text), {"entities": spans}))
    for label in ("PERS", "LOC"):
        ner.add_label(label)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    nlp.to_disk(tmp_path / "ner")
    recommender = model_recommender(tmp_path / "ner", None, TAGSET)
    text = "😀 " + sentences[0][0]
    assert _spans(recommender.propose(Document("d", text)), text) == [
        ("بيروت", "LOC"), ("محمد علي", "PER")]


def test_long_lines_are_cut_at_spaces_into_chunks() -> None:
    text = "أأأأأأأ بب جج\n\n  \nدد 😀هه"
    chunks = list(text_chunks(text, limit=5))
    assert [chunk for _, chunk in chunks] == ["أأأأأ", "أأ ", "بب ", "جج\n", "دد ", "😀هه"]
    assert all(text[offset:offset + len(chunk)] == chunk for offset, chunk in chunks)


# -- what goes wrong is one line ---------------------------------------------------------------

def _fails(code: str, call: object, *args: object) -> str:
    """The one line ``call(*args)`` fails with, checked to carry ``code``."""
    with pytest.raises(ModelError) as caught:
        call(*args)  # type: ignore[operator]
    assert caught.value.code == code and "\n" not in str(caught.value)
    return str(caught.value)


def test_folders_that_are_no_model_and_bad_settings_are_one_line(tmp_path: Path) -> None:
    assert "not a model folder: no such folder" in _fails(
        "E082", model_recommender, tmp_path / "missing", None, TAGSET)
    (tmp_path / "empty").mkdir()
    assert "neither config.json" in _fails(
        "E082", model_recommender, tmp_path / "empty", None, TAGSET)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.json").write_text("{not json", encoding="utf-8")
    assert _fails("E083", model_recommender, broken, None, TAGSET).startswith(
        f"{broken}: cannot load the Hugging Face model in this folder: ")
    (tmp_path / "pipeline").mkdir()
    for name in ("config.cfg", "meta.json"):
        (tmp_path / "pipeline" / name).write_text("[nlp\n", encoding="utf-8")
    assert "cannot load the spaCy model" in _fails(
        "E083", model_recommender, tmp_path / "pipeline", None, TAGSET)
    _fails("E077", model_recommender, None, tmp_path, TAGSET)
    (tmp_path / SETTINGS_NAME).write_text("[model\n", encoding="utf-8")
    _fails("E084", read_model_settings, tmp_path)
    (tmp_path / SETTINGS_NAME).write_text('[model]\nproclitics = "drop"\n', encoding="utf-8")
    assert "[model] proclitics must be 'strip' or 'keep'" in _fails(
        "E085", read_model_settings, tmp_path)


@pytest.mark.parametrize(("blocked", "extra", "kind"), [
    ("torch", "transformers", "Hugging Face"), ("spacy", "spacy", "spaCy")])
def test_without_the_extra_choosing_the_model_names_it_in_one_line(
        tmp_path: Path, bert: Path, ruler_pipeline: Path, blocked: str, extra: str,
        kind: str) -> None:
    """The extra's packages made unimportable in a fresh interpreter, as when not installed."""
    folder = bert if extra == "transformers" else ruler_pipeline
    save_tei(Document("news", TEXT), tmp_path / "news.tei.xml")
    script = (f"import sys; sys.modules[{blocked!r}] = None\n"
              "from annotator.cli import main\n"
              f"sys.exit(main(['suggest', {str(tmp_path / 'news.tei.xml')!r}, '-o', "
              f"{str(tmp_path / 'out')!r}, '--recommender', 'model', '--model', "
              f"{str(folder)!r}]))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "E081" in lines[0], done.stderr
    assert f"needs the {extra} extra to read {kind} model folders" in lines[0]
    assert f"pip install 'arabic-news-annotator[{extra}]'" in lines[0]
    assert not (tmp_path / "out" / "news.tei.xml").exists()


def test_the_settings_file_is_read_relative_to_the_project(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_NAME).write_text(
        '[model]\npath = "models/ner"\nlabels = { PERS = "PER" }\naggregation = "max"\n',
        encoding="utf-8")
    settings = read_model_settings(tmp_path)
    assert settings.path == tmp_path / "models" / "ner"
    assert dict(settings.labels) == {"PERS": "PER"} and settings.aggregation == "max"
    assert settings.proclitics == "strip"
    assert read_model_settings(tmp_path / "nowhere").path is None


def _train_crf(folder: Path, train: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A CRF that learned the city جدة, trained with 'annotator train' on files it writes
    into ``train``, saved into ``folder``."""
    train.mkdir()
    for number, city in enumerate(["جدة", "الرياض", "دبي", "القاهرة"] * 3):
        text = f"وصل الوفد إلى {city} صباح اليوم. وغادر الوزير {city} مساء أمس."
        document = Document(f"t{number}", text)
        for at in (text.index(city), text.rindex(city)):
            document.annotate(at, at + len(city), "LOC", annotator="layla")
        save_tei(document, train / f"t{number}.tei.xml")
    status, _, err = run(capsys, "train", train, "-o", folder)
    assert status == 0, err
    return folder


def test_one_suggest_runs_the_crf_and_a_model_folder_each_given_with_model(
        ruler_pipeline: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    crf = _train_crf(tmp_path / "crf", tmp_path / "training", capsys)
    text = "وصل الوفد إلى جدة صباح اليوم. " + TEXT
    save_tei(Document("news", text), tmp_path / "news.tei.xml")
    for order in ([crf, ruler_pipeline], [ruler_pipeline, crf]):  # either order
        status, _, err = run(capsys, "suggest", tmp_path / "news.tei.xml", "-o", tmp_path / "out",
                             "--recommender", "crf,model", "--model", order[0],
                             "--model", order[1], "--overwrite")
        assert status == 0, err
        suggestions = [a for a in load_tei(tmp_path / "out" / "news.tei.xml").annotations
                       if a.layer == "suggestion"]
        by = {name: _spans([a for a in suggestions if a.annotator == name], text)
              for name in ("crf", "model")}
        assert ("جدة", "LOC") in by["crf"]
        assert ("محمد علي", "PER") in by["model"] and ("جدة", "LOC") not in by["model"]


def test_the_crf_is_found_in_the_project_where_the_app_trains_it(
        ruler_pipeline: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    project.mkdir()
    _train_crf(project / "models" / "crf", tmp_path / "training", capsys)
    save_tei(Document("news", "وصل الوفد إلى جدة صباح اليوم."), tmp_path / "news.tei.xml")
    status, _, err = run(capsys, "suggest", tmp_path / "news.tei.xml", "-o", tmp_path / "out",
                         "--project", project, "--recommender", "crf,model",
                         "--model", ruler_pipeline)
    assert status == 0, err
    suggestions = load_tei(tmp_path / "out" / "news.tei.xml").annotations
    assert {(a.annotator, a.label) for a in suggestions if a.layer == "suggestion"} >= {
        ("crf", "LOC")}
